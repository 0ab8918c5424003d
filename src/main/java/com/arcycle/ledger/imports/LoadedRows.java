package com.arcycle.ledger.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What the ledger files' targets share: reading loaded rows, looking up what rows refer to, comparing. */
final class LoadedRows {

    private LoadedRows() {
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        for (T row : rows) {
            map.put(key.apply(row), row);
        }
        return map;
    }

    /** Whether the table has no row. */
    static boolean empty(NamedParameterJdbcTemplate named, String table) {
        return named.getJdbcTemplate().queryForList("SELECT 1 FROM " + table + " LIMIT 1").isEmpty();
    }

    /** Those of {@code accounts} that are loaded. */
    static Set<String> knownAccounts(NamedParameterJdbcTemplate named, Collection<String> accounts) {
        return new HashSet<>(named.queryForList("SELECT account_number FROM customer WHERE account_number IN (:ids)",
                Map.of("ids", new HashSet<>(accounts)), String.class));
    }

    static Optional<RowRejected> unknownAccount(Set<String> known, String account) {
        return known.contains(account) ? Optional.empty()
                : Optional.of(new RowRejected("account_number", account, "unknown account " + account
                        + " (not in customers.csv)"));
    }

    static RowRejected unknownInvoice(String invoice) {
        return new RowRejected("invoice_number", invoice, "unknown invoice " + invoice + " (not in invoices.csv)");
    }

    /** The first column whose value differs, in snake_case as in the file. */
    static Optional<String> firstDifference(Record a, Record b) {
        for (var component : a.getClass().getRecordComponents()) {
            try {
                Object x = component.getAccessor().invoke(a);
                Object y = component.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) {
                    return Optional.of(component.getName().replaceAll("([A-Z0-9]+)", "_$1").toLowerCase());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }
}
