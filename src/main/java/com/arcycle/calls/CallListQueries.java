package com.arcycle.calls;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.CycleDates;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.AccountItems;
import com.arcycle.ledger.LedgerQueries;

/**
 * What the call-list step reads of every account dunning gave a stage above NONE: the stage and
 * figures dunning stored, what collections decided, the customer, its invoices of the past year,
 * its open items (with their disputes) and its call notes.
 */
final class CallListQueries {

    private CallListQueries() {
    }

    /** One account as read. */
    static final class CallAccount {
        final String accountNumber;
        final CallFacts facts;
        final Integer maxDpd;
        final int paidLate365;
        final boolean referredThisCycle;
        final AccountItems items = new AccountItems();
        final List<Note> notes = new ArrayList<>();

        CallAccount(String accountNumber, CallFacts facts, Integer maxDpd, int paidLate365, boolean referredThisCycle) {
            this.accountNumber = accountNumber;
            this.facts = facts;
            this.maxDpd = maxDpd;
            this.paidLate365 = paidLate365;
            this.referredThisCycle = referredThisCycle;
        }
    }

    /** A call note as recorded ({@code record-note}). */
    record Note(LocalDate date, String text) {
    }

    private record NoteRow(String accountNumber, Note note) {
    }

    /** The accounts the step reads: those dunning gave a stage on the cycle date. */
    private static final String STAGED_ACCOUNTS =
            "SELECT account_number FROM account_cycle WHERE cycle_date = :cycleDate AND stage <> 'NONE'";

    /**
     * The accounts with their stored figures; invoiced_365 from the invoices (every one issued by
     * the cycle date is an INVOICE item by now), whose index by account and issue date reads the
     * past year alone, not every item the account ever had.
     */
    static final String ACCOUNTS = """
            SELECT ac.account_number, ac.stage, ac.max_dpd, ac.past_due_total, ac.good_standing, ac.promise,
                   ac.late_paid_count, ac.referred_earlier, d.action, c.customer_since,
                   (SELECT COALESCE(SUM(i.amount), 0) FROM invoice i
                    WHERE i.account_number = ac.account_number
                      AND i.issue_date >= :windowStart AND i.issue_date <= :cycleDate) AS invoiced_365
            FROM account_cycle ac
            JOIN customer c ON c.account_number = ac.account_number
            LEFT JOIN collection_decision d ON d.cycle_date = ac.cycle_date AND d.account_number = ac.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.stage <> 'NONE'
              AND ac.account_number > :after AND ac.account_number <= :last
            ORDER BY ac.account_number
            """;

    /** The notes recorded up to the cycle date, oldest first (in the order recorded within a day). */
    static final String NOTES = """
            SELECT account_number, note_date, note_text
            FROM call_note
            WHERE note_date <= :cycleDate AND account_number > :after AND account_number <= :last
              AND account_number IN (%s)
            ORDER BY account_number, note_date, note_id
            """.formatted(STAGED_ACCOUNTS);


    static AccountGroupReader<CallAccount> reader(DataSource dataSource, int fetchSize, CycleDates dates) {
        Driver<CallAccount> driver = new Driver<>(ACCOUNTS, (rs, n) -> {
            String promise = rs.getString("promise");
            String action = rs.getString("action");
            int maxDpd = rs.getInt("max_dpd");
            Integer max = rs.wasNull() ? null : maxDpd;
            CallFacts facts = new CallFacts(Stage.valueOf(rs.getString("stage")),
                    rs.getBoolean("referred_earlier") || "REFERRED".equals(action), "WRITTEN_OFF".equals(action),
                    "ACTIVE".equals(promise), "BROKEN".equals(promise), LedgerQueries.date(rs, "customer_since"),
                    LedgerQueries.money(rs, "past_due_total"), rs.getBoolean("good_standing"),
                    LedgerQueries.money(rs, "invoiced_365"));
            return new CallAccount(rs.getString("account_number"), facts, max, rs.getInt("late_paid_count"),
                    "REFERRED".equals(action));
        }, a -> a.accountNumber);
        List<Child<CallAccount, ?>> children = new ArrayList<>(
                LedgerQueries.openItemChildren(a -> a.items, STAGED_ACCOUNTS));
        children.add(new Child<CallAccount, NoteRow>(NOTES,
                (rs, n) -> new NoteRow(rs.getString("account_number"),
                        new Note(LedgerQueries.date(rs, "note_date"), rs.getString("note_text"))),
                NoteRow::accountNumber, (a, row) -> a.notes.add(row.note())));
        LocalDate c = dates.cycleDate();
        return new AccountGroupReader<>("callList", dataSource, fetchSize,
                Map.of("cycleDate", c, "windowStart", CallListRules.pastYearStart(c)), driver, children);
    }
}
