package com.arcycle.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.arcycle.aging.AgedBalance;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.dunning.Stage;
import com.arcycle.domain.Money;
import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerQueries;

/**
 * What a statement prints of an account sent one this cycle (collections decided it:
 * {@code STATEMENT} or {@code REFERRED}), all as the earlier steps decided it: the customer, the
 * stage and figures and the promise named (dunning), the suspension (collections), the aged
 * balance (aging), the open items and this cycle's fees (the ledger).
 */
final class StatementQueries {

    private StatementQueries() {
    }

    /** One account as read; {@link StatementDocuments} makes its statement. */
    static final class StatementAccount {

        /** A fee charged by this cycle, with the original amount of the invoice it penalises. */
        record Fee(String feeId, String invoiceNumber, BigDecimal invoiceAmount, BigDecimal basis,
                BigDecimal amount) {
        }

        String accountNumber;
        String name;
        List<String> addressLines;
        LocalDate customerSince;
        String lateFeeMode;
        boolean recurringService;
        Stage stage;
        boolean referred;
        boolean goodStanding;
        boolean suspended;
        Integer maxDpd;
        BigDecimal pastDueTotal;
        int latePaidCount;
        AgedBalance aging;
        PromiseToPay activePromise;
        PromiseToPay brokenPromise;
        final AccountItems items = new AccountItems();
        final List<Fee> fees = new ArrayList<>();
    }

    private record FeeRow(String accountNumber, StatementAccount.Fee fee) {
    }

    private record PromiseRow(String accountNumber, boolean active, PromiseToPay promise) {
    }

    private static final String ACCOUNT_COLUMNS = """
            SELECT d.account_number, d.action, d.suspend, ac.stage, ac.good_standing, ac.max_dpd, ac.past_due_total,
                   ac.late_paid_count, c.name, c.address_line1, c.address_line2, c.city, c.region, c.postal_code,
                   c.country, c.customer_since, c.late_fee_mode, c.recurring_service,
                   ab.current_amount, ab.d1_30, ab.d31_60, ab.d61_90, ab.d91_120, ab.d121_plus, ab.in_dispute,
                   ab.unapplied_credit, ab.total
            FROM collection_decision d
            JOIN account_cycle ac ON ac.cycle_date = d.cycle_date AND ac.account_number = d.account_number
            JOIN customer c ON c.account_number = d.account_number
            LEFT JOIN aged_balance ab ON ab.cycle_date = d.cycle_date AND ab.account_number = d.account_number
            """;

    /** The accounts sent a statement this cycle: the statements step renders them. */
    static final String TO_RENDER = ACCOUNT_COLUMNS + """
            WHERE d.cycle_date = :cycleDate AND d.action IN ('STATEMENT', 'REFERRED')
              AND d.account_number > :after AND d.account_number <= :last
            ORDER BY d.account_number
            """;

    /** The accounts whose statement was rendered (not skipped): the print file holds them. */
    static final String RENDERED = ACCOUNT_COLUMNS + """
            JOIN statement s ON s.cycle_date = d.cycle_date AND s.account_number = d.account_number
            WHERE d.cycle_date = :cycleDate AND d.account_number > :after AND d.account_number <= :last
            ORDER BY d.account_number
            """;

    /** The accounts the children are read for: those sent a statement. */
    private static final String SENT = "SELECT account_number FROM collection_decision WHERE cycle_date = :cycleDate"
            + " AND action IN ('STATEMENT', 'REFERRED')";

    /** The fees of this cycle, with the original amount of the invoice each penalises. */
    static final String FEES = """
            SELECT f.account_number, f.item_id, f.invoice_number, f.fee_basis, f.amount, i.amount AS invoice_amount
            FROM ledger_item f
            JOIN ledger_item i ON i.account_number = f.account_number AND i.item_id = f.invoice_number
            WHERE f.item_type = 'FEE' AND f.posted_cycle = :cycleDate
              AND f.account_number > :after AND f.account_number <= :last
            ORDER BY f.account_number, f.item_id
            """;

    /** The promise active on the cycle date and the one broken since the previous cycle, as dunning decided. */
    static final String PROMISES = """
            SELECT account_number, state, created_date, promised_date, amount, received
            FROM cycle_promise
            WHERE cycle_date = :cycleDate AND account_number > :after AND account_number <= :last
            ORDER BY account_number
            """;

    /** @param driver {@link #TO_RENDER} or {@link #RENDERED} */
    static AccountGroupReader<StatementAccount> reader(DataSource dataSource, int fetchSize, LocalDate cycleDate,
            String driver) {
        Driver<StatementAccount> accounts = new Driver<>(driver, (rs, n) -> {
            StatementAccount a = new StatementAccount();
            a.accountNumber = rs.getString("account_number");
            a.name = rs.getString("name");
            a.addressLines = addressLines(rs.getString("address_line1"), rs.getString("address_line2"),
                    rs.getString("city"), rs.getString("region"), rs.getString("postal_code"), rs.getString("country"));
            a.customerSince = LedgerQueries.date(rs, "customer_since");
            a.lateFeeMode = rs.getString("late_fee_mode");
            a.recurringService = rs.getBoolean("recurring_service");
            a.stage = Stage.valueOf(rs.getString("stage"));
            a.referred = "REFERRED".equals(rs.getString("action"));
            a.goodStanding = rs.getBoolean("good_standing");
            a.suspended = rs.getBoolean("suspend");
            a.maxDpd = rs.getObject("max_dpd", Integer.class);
            a.pastDueTotal = LedgerQueries.money(rs, "past_due_total");
            a.latePaidCount = rs.getInt("late_paid_count");
            a.aging = rs.getBigDecimal("total") == null
                    ? new AgedBalance(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                            Money.ZERO, Money.ZERO, Money.ZERO)
                    : new AgedBalance(LedgerQueries.money(rs, "current_amount"), LedgerQueries.money(rs, "d1_30"),
                            LedgerQueries.money(rs, "d31_60"), LedgerQueries.money(rs, "d61_90"),
                            LedgerQueries.money(rs, "d91_120"), LedgerQueries.money(rs, "d121_plus"),
                            LedgerQueries.money(rs, "in_dispute"), LedgerQueries.money(rs, "unapplied_credit"),
                            LedgerQueries.money(rs, "total"));
            return a;
        }, a -> a.accountNumber);
        List<Child<StatementAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items, SENT));
        children.add(new Child<StatementAccount, FeeRow>(FEES,
                (rs, n) -> new FeeRow(rs.getString("account_number"), new StatementAccount.Fee(rs.getString("item_id"),
                        rs.getString("invoice_number"), LedgerQueries.money(rs, "invoice_amount"),
                        LedgerQueries.money(rs, "fee_basis"), LedgerQueries.money(rs, "amount"))),
                FeeRow::accountNumber, (a, row) -> a.fees.add(row.fee())));
        children.add(new Child<StatementAccount, PromiseRow>(PROMISES,
                (rs, n) -> new PromiseRow(rs.getString("account_number"), "ACTIVE".equals(rs.getString("state")),
                        new PromiseToPay(LedgerQueries.date(rs, "created_date"), LedgerQueries.date(rs, "promised_date"),
                                LedgerQueries.money(rs, "amount"), LedgerQueries.money(rs, "received"))),
                PromiseRow::accountNumber, (a, row) -> {
                    if (row.active()) {
                        a.activePromise = row.promise();
                    } else {
                        a.brokenPromise = row.promise();
                    }
                }));
        return new AccountGroupReader<>("statements", dataSource, fetchSize, Map.of("cycleDate", cycleDate), accounts,
                children);
    }

    /** The address block: street lines, then "City, Region Postal", then the country. */
    static List<String> addressLines(String line1, String line2, String city, String region, String postal,
            String country) {
        List<String> lines = new ArrayList<>();
        lines.add(line1);
        lines.add(line2);
        String place = String.join(" ", List.of(city == null ? "" : city + (region == null ? "" : ","),
                region == null ? "" : region, postal == null ? "" : postal)).trim().replaceAll(" +", " ");
        lines.add(place.endsWith(",") ? place.substring(0, place.length() - 1) : place);
        lines.add(country);
        return lines;
    }
}
