package com.arcycle.ledger.imports;

import static com.arcycle.ledger.imports.LoadedRows.date;
import static com.arcycle.ledger.imports.LoadedRows.firstDifference;
import static com.arcycle.ledger.imports.LoadedRows.knownAccounts;
import static com.arcycle.ledger.imports.LoadedRows.unknownAccount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.ledger.imports.LedgerRows.Promise;

/**
 * promises.csv into the promise table. Promises are known by their promise_id, or when the file
 * gives none by all their values, so two promises an account made on one day are two promises.
 * A promise loaded without an id takes the id a later file gives it for the same values.
 */
final class PromisesFile implements ImportTarget<Promise> {

    private static final Table TABLE = Table.of("promise", "promise_id", "account_number", "created_date",
            "promised_date", "amount");

    private final NamedParameterJdbcTemplate named;
    private final BulkInserter bulk;

    PromisesFile(NamedParameterJdbcTemplate named, BulkInserter bulk) {
        this.named = named;
        this.bulk = bulk;
    }

    /** The id, or the values joined by NUL, which no id contains (Fields.id): the two never meet. */
    @Override
    public String key(Promise row) {
        return row.promiseId() != null ? row.promiseId() : valuesKey(row);
    }

    private static String valuesKey(Promise row) {
        return String.join("\0", row.accountNumber(), row.createdDate().toString(), row.promisedDate().toString(),
                row.amount().toPlainString());
    }

    @Override
    public String keyColumn() {
        return "promise_id";
    }

    /**
     * The loaded promises of the rows' accounts and ids, by id and by values; a row's id also finds
     * a promise loaded without an id that has the row's values, one such promise per id.
     */
    @Override
    public Map<String, Promise> loaded(Collection<Promise> rows) {
        List<String> ids = rows.stream().map(Promise::promiseId).filter(Objects::nonNull).toList();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("accounts", rows.stream().map(Promise::accountNumber).distinct().toList());
        parameters.put("ids", ids);
        List<Promise> loaded = named.query("""
                SELECT promise_id, account_number, created_date, promised_date, amount FROM promise
                WHERE account_number IN (:accounts)""" + (ids.isEmpty() ? "" : " OR promise_id IN (:ids)"),
                parameters, (rs, n) -> new Promise(rs.getString("promise_id"), rs.getString("account_number"),
                        date(rs, "created_date"), date(rs, "promised_date"), rs.getBigDecimal("amount")));
        Map<String, Promise> byKey = new HashMap<>();
        List<Promise> withoutId = new ArrayList<>();
        for (Promise promise : loaded) {
            if (promise.promiseId() != null) {
                byKey.put(promise.promiseId(), promise);
            } else {
                withoutId.add(promise);
            }
        }
        for (Promise promise : loaded) {
            byKey.putIfAbsent(valuesKey(promise), promise);
        }
        for (Promise row : rows) {
            if (row.promiseId() != null && !byKey.containsKey(row.promiseId())) {
                withoutId.stream().filter(p -> valuesKey(p).equals(valuesKey(row))).findFirst().ifPresent(p -> {
                    withoutId.remove(p);
                    byKey.put(row.promiseId(), p);
                });
            }
        }
        return byKey;
    }

    @Override
    public boolean nothingLoaded() {
        return LoadedRows.empty(named, "promise");
    }

    /** A row's id also finds a promise loaded without an id ({@link #loaded}). */
    @Override
    public boolean foundByInsertedKey() {
        return false;
    }

    @Override
    public ReferenceCheck<Promise> references(Collection<Promise> rows) {
        Set<String> known = knownAccounts(named, rows.stream().map(Promise::accountNumber).toList());
        return row -> unknownAccount(known, row.accountNumber());
    }

    /** Only a promise loaded without an id may change: it takes the id the file now gives it. */
    @Override
    public Optional<String> conflict(Promise loaded, Promise row) {
        if (loaded.promiseId() == null && row.promiseId() != null) {
            return Optional.empty();
        }
        return firstDifference(loaded, row);
    }

    /** A row without an id leaves the id a loaded promise has. */
    @Override
    public Promise merge(Promise loaded, Promise row) {
        return row.promiseId() == null ? loaded : row;
    }

    @Override
    public void insert(List<Promise> rows) {
        bulk.insert(TABLE, rows.stream().map(p -> new Object[] {p.promiseId(), p.accountNumber(), p.createdDate(),
            p.promisedDate(), p.amount()}).toList());
    }

    @Override
    public void update(List<Promise> rows) {
        named.getJdbcTemplate().batchUpdate("UPDATE promise SET promise_id = ? WHERE promise_id IS NULL"
                + " AND account_number = ? AND created_date = ? AND promised_date = ? AND amount = ?", rows.stream()
                        .map(p -> new Object[] {p.promiseId(), p.accountNumber(), p.createdDate(), p.promisedDate(),
                                p.amount()}).toList());
    }
}
