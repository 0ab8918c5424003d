package com.arcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.CycleDates;
import com.arcycle.ledger.LedgerEvent.InvoiceIssued;
import com.arcycle.ledger.LedgerEvent.PaymentReceived;

/**
 * What the payments step reads of each account: its credit, its open items, and what is new since
 * the cycles before: the invoices issued and the payments received up to the cycle date that no
 * cycle has taken into the ledger yet.
 */
final class PaymentQueries {

    private PaymentQueries() {
    }

    /** One account with what is new since the last cycle. */
    static final class PaymentsAccount {
        final String accountNumber;
        final BigDecimal credit;
        final List<OpenItem> openItems = new ArrayList<>();
        final List<LedgerEvent> events = new ArrayList<>();

        PaymentsAccount(String accountNumber, BigDecimal credit) {
            this.accountNumber = accountNumber;
            this.credit = credit;
        }
    }

    private record Keyed<T>(String accountNumber, T value) {
    }

    private static final String RANGE = "  AND account_number > :after AND account_number <= :last\n";

    private static final String INVOICE_SELECT = """
            SELECT i.account_number, i.invoice_number, i.issue_date, i.due_date, i.amount
            FROM invoice i USE INDEX (%s)
            """;

    private static final String INVOICE_NOT_TAKEN = """
              AND NOT EXISTS (SELECT 1 FROM ledger_item li
                              WHERE li.account_number = i.account_number AND li.item_id = i.invoice_number)
            """;

    private static final String PAYMENT_SELECT = """
            SELECT p.account_number, p.payment_id, p.invoice_number, p.received_date, p.amount
            FROM payment p USE INDEX (%s)
            """;

    private static final String PAYMENT_NOT_TAKEN = """
              AND NOT EXISTS (SELECT 1 FROM payment_posting pp
                              WHERE pp.account_number = p.account_number AND pp.payment_id = p.payment_id)
            """;

    static final String ACCOUNTS = """
            SELECT c.account_number, COALESCE(s.unapplied_credit, 0) AS unapplied_credit
            FROM customer c LEFT JOIN account_state s ON s.account_number = c.account_number
            WHERE c.account_number > :after AND c.account_number <= :last
            ORDER BY c.account_number
            """;

    /**
     * The invoices no cycle has taken: those dated after the previous cycle and, of those dated
     * earlier, only the ones loaded after the previous cycle's payments step began (rule 3's late
     * rows, {@link NewRows#loadedLate}), so the history is not read (load_seq, ledger_intake:
     * V12). Two queries, not one UNION, so that the rows can come in account order straight from
     * an index instead of being sorted before the first comes back.
     * <p>
     * A first cycle takes every invoice: it reads each partition's from the by-account index,
     * which holds the columns read (V18), in order. A later cycle takes a month's: it reads them by
     * date ({@code ix_invoice_issued}), as the account index would read every year of history.
     * Late rows are found by load sequence or by date, whichever range the database finds smaller
     * (a first cycle has none: nothing is dated before the epoch).
     */
    static final NewRows INVOICES = NewRows.of(INVOICE_SELECT, INVOICE_NOT_TAKEN, "i.issue_date",
            "i.load_seq > :invoiceSeq", "ix_invoice_account", "ix_invoice_issued", "ix_invoice_load");

    /** The payments no cycle has taken, found the same way as the invoices. */
    static final NewRows PAYMENTS = NewRows.of(PAYMENT_SELECT, PAYMENT_NOT_TAKEN, "p.received_date",
            "p.load_seq > :paymentSeq", "ix_payment_account", "ix_payment_received", "ix_payment_load");

    /**
     * The queries for one kind of new row, each in account order: those dated since the previous
     * cycle (in a first cycle, or later), and the late ones.
     */
    record NewRows(String datedFirstCycle, String datedLaterCycle, String loadedLate) {

        static NewRows of(String select, String notTaken, String date, String loadedSince, String byAccount,
                String byDate, String byLoad) {
            String since = "WHERE " + date + " > :previousCycle AND " + date + " <= :cycleDate\n" + RANGE + notTaken
                    + "ORDER BY account_number\n";
            String late = "WHERE " + loadedSince + " AND " + date + " <= :previousCycle\n" + RANGE + notTaken
                    + "ORDER BY account_number\n";
            return new NewRows(select.formatted(byAccount) + since, select.formatted(byDate) + since,
                    select.formatted(byLoad + ", " + byDate) + late);
        }

        String dated(boolean firstCycle) {
            return firstCycle ? datedFirstCycle : datedLaterCycle;
        }
    }

    /** The rows loaded before a cycle's payments step began; none (0) when that cycle recorded none. */
    static Map<String, Object> intakeOf(JdbcTemplate jdbc, LocalDate cycleDate) {
        List<Map<String, Object>> rows = cycleDate == null ? List.of()
                : jdbc.queryForList("SELECT invoice_seq, payment_seq FROM ledger_intake WHERE cycle_date = ?", cycleDate);
        return rows.isEmpty() ? Map.of("invoiceSeq", 0L, "paymentSeq", 0L)
                : Map.of("invoiceSeq", rows.get(0).get("invoice_seq"), "paymentSeq", rows.get(0).get("payment_seq"));
    }

    static AccountGroupReader<PaymentsAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates,
            Map<String, Object> previousIntake) {
        Driver<PaymentsAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new PaymentsAccount(rs.getString("account_number"),
                        LedgerQueries.money(rs, "unapplied_credit")),
                a -> a.accountNumber);
        Child<PaymentsAccount, Keyed<OpenItem>> open = new Child<>(LedgerQueries.OPEN_ITEMS,
                (rs, n) -> new Keyed<>(rs.getString("account_number"), LedgerQueries.openItem(rs)),
                Keyed::accountNumber, (a, row) -> a.openItems.add(row.value()));
        RowMapper<Keyed<LedgerEvent>> invoice = (rs, n) -> new Keyed<>(rs.getString("account_number"),
                new InvoiceIssued(new OpenItem(rs.getString("invoice_number"), ItemType.INVOICE,
                        rs.getString("invoice_number"), LedgerQueries.date(rs, "issue_date"),
                        LedgerQueries.date(rs, "due_date"), rs.getBigDecimal("amount"), rs.getBigDecimal("amount"),
                        List.of())));
        RowMapper<Keyed<LedgerEvent>> payment = (rs, n) -> new Keyed<>(rs.getString("account_number"),
                new PaymentReceived(rs.getString("payment_id"), LedgerQueries.date(rs, "received_date"),
                        rs.getBigDecimal("amount"), rs.getString("invoice_number")));
        boolean first = dates.previousCycleDate() == null;
        List<Child<PaymentsAccount, ?>> children = List.of(open, event(INVOICES.dated(first), invoice),
                event(INVOICES.loadedLate(), invoice), event(PAYMENTS.dated(first), payment),
                event(PAYMENTS.loadedLate(), payment));
        Map<String, Object> parameters = new HashMap<>(previousIntake);
        parameters.put("cycleDate", dates.cycleDate());
        parameters.put("previousCycle", dates.previousOrEpoch());
        return new AccountGroupReader<>("applyPayments", dataSource, fetchSize, parameters, driver,
                children);
    }

    /** New invoices or payments, each added to its account's events (replayed in rule 2's order). */
    private static Child<PaymentsAccount, Keyed<LedgerEvent>> event(String sql, RowMapper<Keyed<LedgerEvent>> mapper) {
        return new Child<>(sql, mapper, Keyed::accountNumber, (a, row) -> a.events.add(row.value()));
    }
}
