package com.arcycle.exports;

import static com.arcycle.batch.CsvLines.date;
import static com.arcycle.batch.CsvLines.integer;
import static com.arcycle.batch.CsvLines.money;
import static com.arcycle.batch.CsvLines.text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import com.arcycle.calls.CallList;

/**
 * The eight CSV files of a cycle (files-and-commands.md, "Cycle output", and rejects.csv). Rows are
 * sorted by account number, then by the item order of rule 2 ({@link #ITEM_ORDER}), under the
 * tables' binary collation.
 */
final class CycleExports {

    /**
     * Rule 2's item order within an account, for item-level files: the SQL form of
     * {@code OpenItem.FIFO_ORDER} (ItemOrderIntegrationTests holds the two to the same order).
     */
    static final String ITEM_ORDER = "li.due_date, li.issue_date,"
            + " CASE li.item_type WHEN 'INVOICE' THEN 0 ELSE 1 END, li.item_id";

    static final CsvExport AGED_RECEIVABLES = new CsvExport("agedReceivablesFile", "aged-receivables.csv",
            List.of("account_number", "name", "current", "d1_30", "d31_60", "d61_90", "d91_120", "d121_plus",
                    "in_dispute", "unapplied_credit", "total", "stage"),
            """
            SELECT ab.*, c.name
            FROM aged_balance ab JOIN customer c ON c.account_number = ab.account_number
            WHERE ab.cycle_date = :cycleDate
            ORDER BY ab.account_number
            """,
            (rs, n) -> List.of(text(rs, "account_number"), text(rs, "name"), money(rs, "current_amount"),
                    money(rs, "d1_30"), money(rs, "d31_60"), money(rs, "d61_90"), money(rs, "d91_120"),
                    money(rs, "d121_plus"), money(rs, "in_dispute"), money(rs, "unapplied_credit"),
                    money(rs, "total"), text(rs, "stage")),
            "total");

    static final CsvExport FEES = new CsvExport("feesFile", "fees.csv",
            List.of("fee_id", "account_number", "invoice_number", "basis", "amount"),
            """
            SELECT li.item_id, li.account_number, li.invoice_number, li.fee_basis, li.amount
            FROM ledger_item li
            WHERE li.item_type = 'FEE' AND li.posted_cycle = :cycleDate
            ORDER BY li.account_number, %s
            """.formatted(ITEM_ORDER),
            (rs, n) -> List.of(text(rs, "item_id"), text(rs, "account_number"), text(rs, "invoice_number"),
                    money(rs, "fee_basis"), money(rs, "amount")),
            "amount");

    /** Accounts whose stage or previous stage is not NONE, leaving out those referred earlier. */
    static final CsvExport DUNNING = new CsvExport("dunningFile", "dunning.csv",
            List.of("account_number", "previous_stage", "stage", "max_dpd", "past_due_total", "good_standing",
                    "promise", "action"),
            """
            SELECT ac.account_number, ac.previous_stage, ac.stage, ac.max_dpd, ac.past_due_total, ac.good_standing,
                   ac.promise, d.action
            FROM account_cycle ac
            LEFT JOIN collection_decision d ON d.cycle_date = ac.cycle_date AND d.account_number = ac.account_number
            WHERE ac.cycle_date = :cycleDate AND ac.referred_earlier = FALSE
              AND (ac.stage <> 'NONE' OR ac.previous_stage <> 'NONE')
            ORDER BY ac.account_number
            """,
            (rs, n) -> List.of(text(rs, "account_number"), text(rs, "previous_stage"), text(rs, "stage"),
                    integer(rs, "max_dpd"), money(rs, "past_due_total"), Boolean.toString(rs.getBoolean("good_standing")),
                    "NONE".equals(rs.getString("promise")) ? "" : text(rs, "promise"), text(rs, "action")),
            "past_due_total");

    static final CsvExport COLLECTIONS_REFERRAL = new CsvExport("collectionsReferralFile", "collections-referral.csv",
            List.of("account_number", "name", "email", "phone", "address_line1", "address_line2", "city", "region",
                    "postal_code", "country", "invoice_number", "item_type", "issue_date", "due_date",
                    "original_amount", "balance", "dpd", "account_referred_total", "recommended_action", "notices",
                    "notice_channels", "call_notes"),
            """
            SELECT r.account_number, c.name, c.email, c.phone, c.address_line1, c.address_line2, c.city, c.region,
                   c.postal_code, c.country, li.item_id, li.item_type, li.issue_date, li.due_date, li.amount,
                   r.balance, r.dpd, r.referred_total, r.recommended_action, r.notices, r.notice_channels, n.call_notes
            FROM referral r
            JOIN customer c ON c.account_number = r.account_number
            JOIN ledger_item li ON li.account_number = r.account_number AND li.item_id = r.item_id
            LEFT JOIN referral_call_notes n ON n.cycle_date = r.cycle_date AND n.account_number = r.account_number
            WHERE r.cycle_date = :cycleDate
            ORDER BY r.account_number, %s
            """.formatted(ITEM_ORDER),
            (rs, n) -> List.of(text(rs, "account_number"), text(rs, "name"), text(rs, "email"), text(rs, "phone"),
                    text(rs, "address_line1"), text(rs, "address_line2"), text(rs, "city"), text(rs, "region"),
                    text(rs, "postal_code"), text(rs, "country"), text(rs, "item_id"), text(rs, "item_type"),
                    date(rs, "issue_date"), date(rs, "due_date"), money(rs, "amount"), money(rs, "balance"),
                    integer(rs, "dpd"), money(rs, "referred_total"), text(rs, "recommended_action"),
                    text(rs, "notices"), text(rs, "notice_channels"), text(rs, "call_notes")),
            "balance");

    static final CsvExport WRITE_OFF = new CsvExport("writeOffFile", "write-off.csv",
            List.of("account_number", "invoice_number", "item_type", "due_date", "balance", "reason"),
            """
            SELECT w.account_number, w.item_id, li.item_type, li.due_date, w.balance, w.reason
            FROM write_off w
            JOIN ledger_item li ON li.account_number = w.account_number AND li.item_id = w.item_id
            WHERE w.cycle_date = :cycleDate
            ORDER BY w.account_number, %s
            """.formatted(ITEM_ORDER),
            (rs, n) -> List.of(text(rs, "account_number"), text(rs, "item_id"), text(rs, "item_type"),
                    date(rs, "due_date"), money(rs, "balance"), text(rs, "reason")),
            "balance");

    static final CsvExport SERVICE_SUSPENSION = new CsvExport("serviceSuspensionFile", "service-suspension.csv",
            List.of("account_number", "name", "stage", "past_due_total"),
            """
            SELECT ac.account_number, c.name, ac.stage, ac.past_due_total
            FROM collection_decision d
            JOIN account_cycle ac ON ac.cycle_date = d.cycle_date AND ac.account_number = d.account_number
            JOIN customer c ON c.account_number = d.account_number
            WHERE d.cycle_date = :cycleDate AND d.suspend = TRUE
            ORDER BY d.account_number
            """,
            (rs, n) -> List.of(text(rs, "account_number"), text(rs, "name"), text(rs, "stage"),
                    money(rs, "past_due_total")),
            "past_due_total");

    /** Rule 8's call list, ranked (the one file not in account order). */
    static final CsvExport CALL_LIST = new CsvExport("callListFile", "call-list.csv",
            List.of("rank", "account_number", "name", "phone", "email", "reason", "other_reasons", "stage",
                    "past_due_total", "max_dpd", "open_past_due_items", "good_standing", "paid_late_365",
                    "invoiced_365", "in_dispute"),
            CallList.RANKED,
            (rs, n) -> List.of(integer(rs, "call_rank"), text(rs, "account_number"), text(rs, "name"),
                    phone(rs, "phone"), text(rs, "email"), text(rs, "reason"), text(rs, "other_reasons"),
                    text(rs, "stage"), money(rs, "past_due_total"), integer(rs, "max_dpd"),
                    integer(rs, "open_past_due_items"), Boolean.toString(rs.getBoolean("good_standing")),
                    integer(rs, "paid_late_365"), money(rs, "invoiced_365"), money(rs, "in_dispute")),
            "past_due_total");

    /** Accounts a step skipped because their data breaks a rule (see rejects.csv in docs/operations.md). */
    static final CsvExport REJECTS = new CsvExport("rejectsFile", "rejects.csv",
            List.of("step", "account_number", "item_id", "column", "value", "reason"),
            """
            SELECT step_name, account_number, item_id, column_name, field_value, reason
            FROM cycle_reject
            WHERE cycle_date = :cycleDate
            ORDER BY account_number, step_name
            """,
            (rs, n) -> List.of(text(rs, "step_name"), text(rs, "account_number"), text(rs, "item_id"),
                    text(rs, "column_name"), text(rs, "field_value"), text(rs, "reason")),
            null);

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]+");

    /**
     * A phone number as the caller dials it: one made only of digits, spaces and {@code + - ( ) . /}
     * is written as it is (a leading {@code +} is the country code, and such a cell can compute
     * nothing but a number); anything else is a text cell, neutralised like the others.
     */
    static String phone(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value != null && PHONE.matcher(value).matches() ? value : text(rs, column);
    }

    /** Every CSV file of a cycle, in the order the manifest lists them. */
    static final List<CsvExport> ALL = List.of(AGED_RECEIVABLES, FEES, DUNNING, COLLECTIONS_REFERRAL, WRITE_OFF,
            SERVICE_SUSPENSION, CALL_LIST, REJECTS);

    private CycleExports() {
    }
}
