package com.arcycle.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.arcycle.calls.CallWords.BrokenPromise;
import com.arcycle.ledger.LedgerQueries;
import com.arcycle.reports.Formats;
import com.arcycle.reports.Letterhead;

/**
 * The call sheet's read model: the cycle's call list in rank order ({@link CallList#RANKED}) and,
 * for the accounts on it, their open past-due items, items in dispute, broken promise (as dunning
 * stored it), past year's invoices and call notes up to the cycle date.
 */
@Repository
class CallSheetQueries {

    private static final String LISTED = "SELECT account_number FROM call_list WHERE cycle_date = :cycleDate";

    /**
     * Open items of listed accounts, in rule 2's order (the sheet shows those past due or in dispute);
     * from the open items' index, not each listed account's every item (LedgerQueries says why).
     */
    private static final String ITEMS = """
            SELECT li.account_number, li.item_id, li.item_type, li.due_date, li.balance
            FROM ledger_item li USE INDEX (ix_item_open)
            WHERE %s
              AND li.account_number IN (%s)
            ORDER BY li.account_number, li.due_date, li.issue_date,
                     CASE li.item_type WHEN 'INVOICE' THEN 0 ELSE 1 END, li.item_id
            """.formatted(LedgerQueries.open("li"), LISTED);

    /** The disputes in force on C of the listed accounts' open invoices. */
    private static final String DISPUTES = LedgerQueries.openInvoiceDisputes(
            "SELECT li.item_id, d.opened_date, d.reason",
            "li.account_number IN (" + LISTED + ") AND d.opened_date <= :cycleDate"
                    + " AND (d.resolved_date IS NULL OR d.resolved_date > :cycleDate)");

    /** The listed customers, with the count of the past year's invoices (read as the call list's sum). */
    private static final String CUSTOMERS = """
            SELECT c.account_number, c.customer_since,
                   (SELECT COUNT(*) FROM invoice i
                    WHERE i.account_number = c.account_number
                      AND i.issue_date >= :windowStart AND i.issue_date <= :cycleDate) AS invoices_365
            FROM customer c WHERE c.account_number IN (%s)
            """.formatted(LISTED);

    private static final String BROKEN_PROMISES = """
            SELECT account_number, promised_date, amount, received FROM cycle_promise
            WHERE cycle_date = :cycleDate AND state = 'BROKEN' AND account_number IN (%s)
            """.formatted(LISTED);

    private static final String NOTES = """
            SELECT account_number, note_date, note_text FROM call_note
            WHERE note_date <= :cycleDate AND account_number IN (%s)
            ORDER BY account_number, note_date, note_id
            """.formatted(LISTED);

    private final JdbcClient jdbc;

    CallSheetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Customer(LocalDate since, int invoices365) {
    }

    /** An invoice's disputes in force: since the first was opened; the first reason (by text). */
    private record Disputed(LocalDate since, String reason) {

        Disputed and(LocalDate opened, String otherReason) {
            return new Disputed(opened.isBefore(since) ? opened : since,
                    reason == null || otherReason != null && otherReason.compareTo(reason) < 0 ? otherReason : reason);
        }
    }

    CallSheetDocument document(Letterhead business, String currency, LocalDate cycleDate) {
        CallWords words = new CallWords(new Formats(currency));
        Map<String, Object> params = Map.of("cycleDate", cycleDate, "windowStart",
                CallListRules.pastYearStart(cycleDate));
        Map<String, List<String>> items = new HashMap<>();
        Map<String, List<String>> disputes = new HashMap<>();
        Map<String, Disputed> disputed = new HashMap<>();
        jdbc.sql(DISPUTES).params(params).query((rs, n) -> {
            LocalDate opened = LedgerQueries.date(rs, "opened_date");
            String reason = rs.getString("reason");
            return disputed.merge(rs.getString("item_id"), new Disputed(opened, reason),
                    (earlier, next) -> earlier.and(opened, reason));
        }).list();
        jdbc.sql(ITEMS).params(params).query((rs, n) -> {
            String account = rs.getString("account_number");
            LocalDate due = LedgerQueries.date(rs, "due_date");
            BigDecimal balance = LedgerQueries.money(rs, "balance");
            Disputed dispute = "INVOICE".equals(rs.getString("item_type")) ? disputed.get(rs.getString("item_id"))
                    : null;
            if (dispute != null) {
                disputes.computeIfAbsent(account, k -> new ArrayList<>()).add(words.dispute(rs.getString("item_id"),
                        balance, dispute.since(), dispute.reason()));
            } else if (due.isBefore(cycleDate)) {
                int dpd = (int) java.time.temporal.ChronoUnit.DAYS.between(due, cycleDate);
                items.computeIfAbsent(account, k -> new ArrayList<>()).add(words.item(rs.getString("item_id"),
                        "FEE".equals(rs.getString("item_type")), due, balance, dpd));
            }
            return null;
        }).list();
        Map<String, Customer> customers = new HashMap<>();
        jdbc.sql(CUSTOMERS).params(params).query((rs, n) -> customers.put(rs.getString("account_number"),
                new Customer(LedgerQueries.date(rs, "customer_since"), rs.getInt("invoices_365")))).list();
        Map<String, BrokenPromise> broken = new HashMap<>();
        jdbc.sql(BROKEN_PROMISES).params(params).query((rs, n) -> broken.putIfAbsent(rs.getString("account_number"),
                new BrokenPromise(LedgerQueries.date(rs, "promised_date"), LedgerQueries.money(rs, "amount"),
                        LedgerQueries.money(rs, "received")))).list();
        Map<String, List<String>> notes = new HashMap<>();
        jdbc.sql(NOTES).params(params).query((rs, n) -> notes.computeIfAbsent(rs.getString("account_number"),
                k -> new ArrayList<>()).add(words.note(LedgerQueries.date(rs, "note_date"), rs.getString("note_text"))))
                .list();

        List<CallBlock> blocks = jdbc.sql(CallList.RANKED).params(params).query((rs, n) -> {
            String account = rs.getString("account_number");
            Customer customer = customers.get(account);
            BigDecimal pastDue = LedgerQueries.money(rs, "past_due_total");
            int maxDpd = rs.getInt("max_dpd");
            Integer max = rs.wasNull() ? null : maxDpd;
            List<String> reasons = new ArrayList<>();
            reasons.add(words.reason(CallReason.valueOf(rs.getString("reason")), broken.get(account),
                    customer.since(), pastDue, max));
            String others = rs.getString("other_reasons");
            if (others != null && !others.isEmpty()) {
                for (String other : others.split(";")) {
                    reasons.add(words.reason(CallReason.valueOf(other), broken.get(account), customer.since(),
                            pastDue, max));
                }
            }
            return new CallBlock(rs.getInt("call_rank"), account, rs.getString("name"), rs.getString("phone"),
                    rs.getString("email"), rs.getString("stage"), reasons, items.getOrDefault(account, List.of()),
                    words.paysOnTime(rs.getBoolean("good_standing"), rs.getInt("paid_late_365"), customer.since(),
                            cycleDate),
                    words.pastYear(LedgerQueries.money(rs, "invoiced_365"), customer.invoices365()),
                    disputes.getOrDefault(account, List.of()), notes.getOrDefault(account, List.of()));
        }).list();
        return new CallSheetDocument(business, currency, cycleDate, blocks);
    }
}
