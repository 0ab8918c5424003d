package com.arcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.ledger.AccountLedger.Allocation;
import com.arcycle.ledger.AccountLedger.ItemState;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.batch.BulkInserter;

/**
 * The owner of the ledger's cycle tables ({@code ledger_item}, {@code payment_posting},
 * {@code allocation}, {@code account_state}): every change of an item goes through here. A writer
 * adds what {@link AccountLedger} did, or the items the cycle writes off, for a chunk of accounts,
 * then {@link #flush}es: one bulk insert or JDBC batch per table, inside the chunk's transaction.
 * Used by the payments, collections and late-fee steps. Money a payment paid on the invoice it was
 * sent for is recorded with the payment's posting; the allocation table holds what credit paid,
 * oldest first.
 */
public final class LedgerWrites {

    private static final Table LEDGER_ITEM = Table.of("ledger_item", "item_id", "item_type", "account_number",
            "invoice_number", "issue_date", "due_date", "amount", "balance", "paid_off_date", "posted_cycle",
            "fee_basis");
    private static final String UPDATE_ITEM = "UPDATE ledger_item SET balance = ?, paid_off_date = ?"
            + " WHERE account_number = ? AND item_id = ?";
    private static final Table ALLOCATION = Table.of("allocation", "cycle_date", "account_number", "item_id",
            "payment_id", "source", "applied_date", "amount");
    private static final Table PAYMENT_POSTING = Table.of("payment_posting", "payment_id", "account_number",
            "cycle_date", "item_id", "direct", "to_credit");
    private static final String WRITE_OFF = "UPDATE ledger_item SET written_off_date = ? WHERE account_number = ?"
            + " AND item_id = ?";
    private static final String SAVE_CREDIT = """
            INSERT INTO account_state (account_number, unapplied_credit) VALUES (?, ?)
            ON DUPLICATE KEY UPDATE unapplied_credit = VALUES(unapplied_credit)
            """;

    private static final String RECORD_INTAKE = """
            INSERT INTO ledger_intake (cycle_date, invoice_seq, payment_seq) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE invoice_seq = invoice_seq
            """;

    private final JdbcTemplate jdbc;
    private final BulkInserter bulk;
    private final LocalDate cycleDate;
    private final List<Object[]> inserts = new ArrayList<>();
    private final List<Object[]> updates = new ArrayList<>();
    private final List<Object[]> allocations = new ArrayList<>();
    private final List<Object[]> credits = new ArrayList<>();
    private final List<Object[]> postings = new ArrayList<>();
    private final List<Object[]> writeOffs = new ArrayList<>();

    public LedgerWrites(JdbcTemplate jdbc, BulkInserter bulk, LocalDate cycleDate) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.cycleDate = cycleDate;
    }

    /**
     * Adds one account's replay. {@code feeBasis} gives, for fee items created, the balance the fee
     * was computed on.
     */
    public void add(String accountNumber, AccountLedger ledger, BigDecimal creditBefore,
            Map<String, BigDecimal> feeBasis) {
        for (ItemState state : ledger.changedItems()) {
            OpenItem item = state.item();
            if (state.created()) {
                inserts.add(new Object[] {item.itemId(), item.type().name(), accountNumber, item.invoiceNumber(),
                        item.issueDate(), item.dueDate(), item.amount(), item.balance(), state.paidOffDate(), cycleDate,
                        feeBasis.get(item.itemId())});
            } else {
                updates.add(new Object[] {item.balance(), state.paidOffDate(), accountNumber, item.itemId()});
            }
        }
        for (Allocation allocation : ledger.allocations()) {
            if (allocation.source() == AccountLedger.Source.DIRECT) {
                continue; // kept with the payment's posting, one row a payment instead of two
            }
            allocations.add(new Object[] {cycleDate, accountNumber, allocation.itemId(), allocation.paymentId(),
                    allocation.source().name(), allocation.appliedDate(), allocation.amount()});
        }
        if (ledger.unappliedCredit().compareTo(creditBefore) != 0) {
            credits.add(new Object[] {accountNumber, ledger.unappliedCredit()});
        }
    }

    /** Adds the postings of the payments the account's replay applied (the payments step). */
    public void addPostings(String accountNumber, AccountLedger ledger) {
        for (AccountLedger.Posting posting : ledger.postings()) {
            postings.add(new Object[] {posting.paymentId(), accountNumber, cycleDate, posting.itemId(), posting.direct(),
                    posting.toCredit()});
        }
    }

    /** Closes an item the cycle writes off (rule 6): it is never paid again. */
    public void writeOff(String accountNumber, String itemId) {
        writeOffs.add(new Object[] {cycleDate, accountNumber, itemId});
    }

    /**
     * Records, once per cycle (a restart keeps the first), the invoices and payments loaded before
     * the payments step began: every one of them dated up to the cycle date is taken by this cycle,
     * so the next cycle looks for late rows among those loaded after only. Commands that change the
     * ledger run one at a time, so nothing is loaded while a cycle runs.
     */
    static void recordIntake(JdbcTemplate jdbc, LocalDate cycleDate) {
        Long invoices = jdbc.queryForObject("SELECT COALESCE(MAX(load_seq), 0) FROM invoice", Long.class);
        Long payments = jdbc.queryForObject("SELECT COALESCE(MAX(load_seq), 0) FROM payment", Long.class);
        jdbc.update(RECORD_INTAKE, cycleDate, invoices, payments);
    }

    /** Sends the batches; call once per chunk. */
    public void flush() {
        bulk.insert(LEDGER_ITEM, inserts);
        inserts.clear();
        batch(UPDATE_ITEM, updates);
        bulk.insert(ALLOCATION, allocations);
        allocations.clear();
        batch(SAVE_CREDIT, credits);
        bulk.insert(PAYMENT_POSTING, postings);
        postings.clear();
        batch(WRITE_OFF, writeOffs);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
