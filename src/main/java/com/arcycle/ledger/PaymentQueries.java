package com.arcycle.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

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

    static final String ACCOUNTS = """
            SELECT c.account_number, COALESCE(s.unapplied_credit, 0) AS unapplied_credit
            FROM customer c LEFT JOIN account_state s ON s.account_number = c.account_number
            WHERE c.account_number > :after AND c.account_number <= :last
            ORDER BY c.account_number
            """;

    static final String NEW_INVOICES = """
            SELECT i.account_number, i.invoice_number, i.issue_date, i.due_date, i.amount
            FROM invoice i
            WHERE i.issue_date <= :cycleDate AND i.account_number > :after AND i.account_number <= :last
              AND NOT EXISTS (SELECT 1 FROM ledger_item li
                              WHERE li.account_number = i.account_number AND li.item_id = i.invoice_number)
            ORDER BY i.account_number
            """;

    static final String NEW_PAYMENTS = """
            SELECT p.account_number, p.payment_id, p.invoice_number, p.received_date, p.amount
            FROM payment p
            WHERE p.received_date <= :cycleDate AND p.account_number > :after AND p.account_number <= :last
              AND NOT EXISTS (SELECT 1 FROM payment_posting pp
                              WHERE pp.account_number = p.account_number AND pp.payment_id = p.payment_id)
            ORDER BY p.account_number
            """;

    static AccountGroupReader<PaymentsAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates) {
        Driver<PaymentsAccount> driver = new Driver<>(ACCOUNTS,
                (rs, n) -> new PaymentsAccount(rs.getString("account_number"),
                        LedgerQueries.money(rs, "unapplied_credit")),
                a -> a.accountNumber);
        Child<PaymentsAccount, Keyed<OpenItem>> open = new Child<>(LedgerQueries.OPEN_ITEMS,
                (rs, n) -> new Keyed<>(rs.getString("account_number"), LedgerQueries.openItem(rs)),
                Keyed::accountNumber, (a, row) -> a.openItems.add(row.value()));
        Child<PaymentsAccount, Keyed<LedgerEvent>> invoices = new Child<>(NEW_INVOICES,
                (rs, n) -> new Keyed<>(rs.getString("account_number"),
                        new InvoiceIssued(new OpenItem(rs.getString("invoice_number"), ItemType.INVOICE,
                                rs.getString("invoice_number"), LedgerQueries.date(rs, "issue_date"),
                                LedgerQueries.date(rs, "due_date"), rs.getBigDecimal("amount"),
                                rs.getBigDecimal("amount"), List.of()))),
                Keyed::accountNumber, (a, row) -> a.events.add(row.value()));
        Child<PaymentsAccount, Keyed<LedgerEvent>> payments = new Child<>(NEW_PAYMENTS,
                (rs, n) -> new Keyed<>(rs.getString("account_number"),
                        new PaymentReceived(rs.getString("payment_id"), LedgerQueries.date(rs, "received_date"),
                                rs.getBigDecimal("amount"), rs.getString("invoice_number"))),
                Keyed::accountNumber, (a, row) -> a.events.add(row.value()));
        return new AccountGroupReader<>("applyPayments", dataSource, fetchSize, Map.of("cycleDate", dates.cycleDate()),
                driver, List.of(open, invoices, payments));
    }
}
