package com.arcycle.dunning;

import java.util.List;
import java.util.function.Function;

import com.arcycle.ledger.LedgerQueries;
import com.arcycle.batch.AccountGroupReader.Child;

/**
 * An account's promises to pay that matter on the cycle date, and the payments received in
 * their windows, as children of an {@link com.arcycle.batch.AccountGroupReader}. Need
 * :cycleDate and :since (the previous cycle date, or a date before any ledger).
 */
public final class PromiseQueries {

    /**
     * Promises that can be active on the cycle date or broken since the previous cycle. An
     * account may hold several (since V4 the table is no longer stored by account and creation
     * date), and the first active one is the one a statement names: ordered in full, so every run
     * and restart names the same.
     */
    static final String PROMISES = """
            SELECT account_number, created_date, promised_date, amount
            FROM promise
            WHERE created_date <= :cycleDate AND promised_date > :since
              AND account_number > :after AND account_number <= :last
            ORDER BY account_number, created_date, promised_date, amount
            """;

    /** Payments received inside the window of such a promise. */
    static final String RECEIPTS = """
            SELECT p.account_number, p.received_date, p.amount
            FROM payment p
            WHERE p.received_date <= :cycleDate AND p.account_number > :after AND p.account_number <= :last
              AND EXISTS (SELECT 1 FROM promise pr
                          WHERE pr.account_number = p.account_number AND pr.created_date <= p.received_date
                            AND pr.created_date <= :cycleDate AND pr.promised_date > :since)
            ORDER BY p.account_number
            """;

    private PromiseQueries() {
    }

    record Row<T>(String accountNumber, T value) {
    }

    public static <T> List<Child<T, ?>> children(Function<T, List<Promise>> promisesOf,
            Function<T, List<Receipt>> receiptsOf) {
        Child<T, Row<Promise>> promises = new Child<>(PROMISES,
                (rs, n) -> new Row<>(rs.getString("account_number"),
                        new Promise(LedgerQueries.date(rs, "created_date"), LedgerQueries.date(rs, "promised_date"),
                                rs.getBigDecimal("amount"))),
                Row::accountNumber, (t, row) -> promisesOf.apply(t).add(row.value()));
        Child<T, Row<Receipt>> receipts = new Child<>(RECEIPTS,
                (rs, n) -> new Row<>(rs.getString("account_number"),
                        new Receipt(LedgerQueries.date(rs, "received_date"), rs.getBigDecimal("amount"))),
                Row::accountNumber, (t, row) -> receiptsOf.apply(t).add(row.value()));
        return List.of(promises, receipts);
    }
}
