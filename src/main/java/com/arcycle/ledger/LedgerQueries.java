package com.arcycle.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import com.arcycle.batch.AccountGroupReader.Child;

/**
 * The ledger's open items and disputes as children of an {@link com.arcycle.batch.AccountGroupReader}:
 * every cycle step after payments reads them the same way.
 */
public final class LedgerQueries {

    /**
     * Open items (balance above 0, not written off) of the step's range of accounts. An item with a
     * balance has no paid-off date: that condition lets the database read the open items alone
     * (ix_item_open) instead of every item the ledger ever had. The index is named: for a step that
     * reads some accounts only ({@code IN}), MariaDB otherwise went from each account to all of its
     * items by the primary key (78 items an account after five years, for 3.7 open ones).
     */
    private static final String OPEN_ITEMS_OF_RANGE = """
            SELECT account_number, item_id, item_type, invoice_number, issue_date, due_date, amount, balance
            FROM ledger_item li USE INDEX (ix_item_open)
            WHERE %s
              AND account_number > :after AND account_number <= :last
            """.formatted(open("li"));

    private static final String BY_ACCOUNT = "ORDER BY account_number";

    static final String OPEN_ITEMS = OPEN_ITEMS_OF_RANGE + BY_ACCOUNT;

    private LedgerQueries() {
    }

    record ItemRow(String accountNumber, OpenItem item) {
    }

    record DisputeRow(String accountNumber, String invoiceNumber, DisputePeriod period) {
    }

    /** The two children that fill an aggregate's {@link AccountItems}; needs :cycleDate. */
    public static <T> List<Child<T, ?>> openItemChildren(Function<T, AccountItems> itemsOf) {
        return openItemChildren(itemsOf, null);
    }

    /**
     * The same, for the accounts a query lists only ({@code SELECT account_number FROM ...}), when a
     * step reads few of the accounts: the other accounts' items are not even sent.
     */
    public static <T> List<Child<T, ?>> openItemChildren(Function<T, AccountItems> itemsOf, String accounts) {
        String openItems = accounts == null ? OPEN_ITEMS
                : OPEN_ITEMS_OF_RANGE + "  AND account_number IN (" + accounts + ")\n" + BY_ACCOUNT;
        String disputes = openInvoiceDisputes("SELECT li.account_number, d.invoice_number, d.opened_date,"
                + " d.resolved_date", "li.account_number > :after AND li.account_number <= :last"
                        + " AND d.opened_date <= :cycleDate"
                        + (accounts == null ? "" : " AND li.account_number IN (" + accounts + ")")) + BY_ACCOUNT;
        Child<T, ItemRow> items = new Child<>(openItems, (rs, n) -> new ItemRow(rs.getString("account_number"),
                openItem(rs)), ItemRow::accountNumber, (t, row) -> itemsOf.apply(t).add(row.item()));
        Child<T, DisputeRow> disputeRows = new Child<>(disputes,
                (rs, n) -> new DisputeRow(rs.getString("account_number"), rs.getString("invoice_number"),
                        new DisputePeriod(date(rs, "opened_date"), date(rs, "resolved_date"))),
                DisputeRow::accountNumber, (t, row) -> itemsOf.apply(t).addDispute(row.invoiceNumber(), row.period()));
        return List.of(items, disputeRows);
    }

    /**
     * The disputes in force (dispute_in_force: the imported ones, and the recorded ones the files do
     * not hold) of open invoices: {@code select} over {@code li} (the invoice's ledger item) and
     * {@code d} (the dispute), where {@code condition} holds. Only an open invoice's dispute counts
     * ({@link AccountItems}), and read from the open invoices each dispute is a key lookup; through
     * the view, MariaDB would first copy every dispute of every year (a UNION view is not merged).
     */
    public static String openInvoiceDisputes(String select, String condition) {
        String half = select + """

                FROM ledger_item li USE INDEX (ix_item_open) JOIN SOURCE d ON d.invoice_number = li.item_id
                WHERE li.item_type = 'INVOICE' AND\s""" + open("li") + " AND " + condition + "\n";
        return half.replace("SOURCE", "dispute") + "UNION ALL\n" + half.replace("SOURCE", "recorded_dispute_in_force");
    }

    /**
     * The SQL condition that a row of ledger_item under {@code alias} is open: a balance, neither
     * paid off nor written off. The two dates lead ix_item_open, so a query with this condition can
     * read the open items alone instead of every item the ledger ever had.
     */
    public static String open(String alias) {
        return "%1$s.paid_off_date IS NULL AND %1$s.written_off_date IS NULL AND %1$s.balance > 0".formatted(alias);
    }

    static OpenItem openItem(ResultSet rs) throws SQLException {
        return new OpenItem(rs.getString("item_id"), ItemType.valueOf(rs.getString("item_type")),
                rs.getString("invoice_number"), date(rs, "issue_date"), date(rs, "due_date"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("balance"), List.of());
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2);
    }
}
