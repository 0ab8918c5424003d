package com.arcycle.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.RowMapper;
import com.arcycle.domain.Utf8Order;

/**
 * Reads one account at a time, assembled from several streaming cursors that are all ordered by
 * account number: a driver query gives one row per account, each child query gives that
 * account's rows of one kind (open items, disputes, promises...), merged in one pass with no
 * query per account.
 * <p>
 * Restart is by key, not by count: after each chunk the last account read is saved in the step's
 * execution context (in the chunk's transaction), and a restarted step reads the accounts after
 * it. Every query must therefore filter on {@code account_number > :after AND account_number <= :last}
 * (the range of the step's partition) and order by account number under a binary collation; the
 * merge compares keys in the same (UTF-8 byte) order.
 *
 * @param <T> the per-account aggregate the driver row is mapped to
 */
public final class AccountGroupReader<T> implements ItemStreamReader<T> {

    /** The query that gives one row per account, mapped to the aggregate. */
    public record Driver<T>(String sql, RowMapper<T> mapper, Function<T, String> accountOf) {
    }

    /** A query for rows of one kind, each attached to its account's aggregate. */
    public record Child<T, R>(String sql, RowMapper<R> mapper, Function<R, String> accountOf,
            BiConsumer<T, R> attach) {
    }

    private final String name;
    private final DataSource dataSource;
    private final int fetchSize;
    private final Map<String, Object> parameters;
    private final Driver<T> driver;
    private final List<Child<T, ?>> children;

    private Cursor<T> driverCursor;
    private final List<Cursor<?>> childCursors = new ArrayList<>();
    private String lastAccount = "";

    public AccountGroupReader(String name, DataSource dataSource, int fetchSize, Map<String, ?> parameters,
            Driver<T> driver, List<Child<T, ?>> children) {
        this.name = name;
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
        this.parameters = new HashMap<>(parameters);
        this.driver = driver;
        this.children = List.copyOf(children);
    }

    private String key() {
        return name + ".lastAccount";
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        // A partition of the step reads its own range of accounts (AccountPartitions).
        String first = executionContext.getString(AccountPartitions.AFTER, "");
        lastAccount = executionContext.containsKey(key()) ? executionContext.getString(key()) : first;
        Map<String, Object> values = new HashMap<>(parameters);
        values.put("after", lastAccount);
        values.put("last", executionContext.getString(AccountPartitions.LAST, AccountPartitions.AFTER_EVERY_ACCOUNT));
        driverCursor = new Cursor<>(driver.sql(), driver.mapper(), values);
        for (Child<T, ?> child : children) {
            childCursors.add(new Cursor<>(child.sql(), child.mapper(), values));
        }
    }

    @Override
    public T read() throws Exception {
        T aggregate = driverCursor.next();
        if (aggregate == null) {
            return null;
        }
        String account = driver.accountOf().apply(aggregate);
        for (int i = 0; i < children.size(); i++) {
            attach(children.get(i), childCursors.get(i), aggregate, account);
        }
        lastAccount = account;
        return aggregate;
    }

    @SuppressWarnings("unchecked")
    private <R> void attach(Child<T, R> child, Cursor<?> cursor, T aggregate, String account) throws Exception {
        Cursor<R> rows = (Cursor<R>) cursor;
        R row = rows.peek();
        // Rows of accounts the driver does not list are passed over.
        while (row != null && Utf8Order.INSTANCE.compare(child.accountOf().apply(row), account) < 0) {
            rows.next();
            row = rows.peek();
        }
        while (row != null && child.accountOf().apply(row).equals(account)) {
            child.attach().accept(aggregate, rows.next());
            row = rows.peek();
        }
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        executionContext.putString(key(), lastAccount);
    }

    @Override
    public void close() throws ItemStreamException {
        ItemStreamException failure = null;
        List<Cursor<?>> all = new ArrayList<>(childCursors);
        if (driverCursor != null) {
            all.add(driverCursor);
        }
        for (Cursor<?> cursor : all) {
            try {
                cursor.close();
            } catch (ItemStreamException e) {
                failure = e;
            }
        }
        childCursors.clear();
        driverCursor = null;
        if (failure != null) {
            throw failure;
        }
    }

    /** A streaming cursor on its own connection, with one row of look-ahead. */
    private final class Cursor<R> {
        private final JdbcCursorItemReader<R> reader;
        private R lookahead;
        private boolean peeked;

        Cursor(String namedSql, RowMapper<R> mapper, Map<String, Object> values) {
            reader = NamedSqlCursor.reader(dataSource, fetchSize, namedSql, values, mapper);
            reader.setSaveState(false);
            reader.open(new ExecutionContext());
        }

        R peek() throws Exception {
            if (!peeked) {
                lookahead = reader.read();
                peeked = true;
            }
            return lookahead;
        }

        R next() throws Exception {
            R row = peek();
            peeked = false;
            lookahead = null;
            return row;
        }

        void close() {
            reader.close();
        }
    }
}
