package com.arcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.arcycle.ledger.LedgerEvent.InvoiceIssued;
import com.arcycle.ledger.LedgerEvent.PaymentReceived;
import com.arcycle.domain.Money;

/**
 * Rule 2 for one account: applies payments and credit to its items, starting from the balances
 * and unapplied credit left by the previous cycle.
 * <ul>
 * <li>A payment sent for an open invoice first reduces that invoice (never below 0).</li>
 * <li>The rest, and all of a payment sent for no invoice, is credit, applied at once oldest
 * first ({@link OpenItem#FIFO_ORDER}) to the open items that exist at that moment.</li>
 * <li>Credit left over waits for the next item created for the account.</li>
 * </ul>
 * Not thread-safe: one instance per account and step.
 */
public final class AccountLedger {

    /** How money reached an item. */
    public enum Source {
        /** The payment was sent for this item. */
        DIRECT,
        /** Credit applied oldest first. */
        FIFO
    }

    /** Money applied to an item; {@code paymentId} is null for credit carried from an earlier cycle. */
    public record Allocation(String itemId, String paymentId, Source source, LocalDate appliedDate,
            BigDecimal amount) {
    }

    /**
     * What became of a payment: {@code direct} went to the invoice it was sent for ({@code itemId},
     * null when none), {@code toCredit} to the account's credit (and from there oldest first).
     */
    public record Posting(String paymentId, String itemId, BigDecimal direct, BigDecimal toCredit) {
    }

    /** The balance of an item after the replay, and the date it reached 0 (null while open). */
    public record ItemState(OpenItem item, boolean created, LocalDate paidOffDate) {
    }

    private final List<OpenItem> open = new ArrayList<>();
    private final Map<String, ItemState> touched = new LinkedHashMap<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private final List<Posting> postings = new ArrayList<>();
    private BigDecimal credit;

    /**
     * @param openItems the account's open items (balance above 0, not written off)
     * @param unappliedCredit the account's credit left over
     */
    public AccountLedger(Collection<OpenItem> openItems, BigDecimal unappliedCredit) {
        for (OpenItem item : openItems) {
            if (Money.isPositive(item.balance())) {
                open.add(item);
            }
        }
        open.sort(OpenItem.FIFO_ORDER);
        this.credit = unappliedCredit;
    }

    /** Replays the events in rule 2's order: per date, invoices issued, then payments by id. */
    public void replay(List<? extends LedgerEvent> events) {
        List<LedgerEvent> ordered = new ArrayList<>(events);
        ordered.sort(LedgerEvent.EVENT_ORDER);
        List<OpenItem> sameDayInvoices = new ArrayList<>();
        for (LedgerEvent event : ordered) {
            if (event instanceof InvoiceIssued issued) {
                if (!sameDayInvoices.isEmpty() && !sameDayInvoices.get(0).issueDate().equals(issued.date())) {
                    issue(sameDayInvoices, sameDayInvoices.get(0).issueDate());
                    sameDayInvoices.clear();
                }
                sameDayInvoices.add(issued.item());
            } else if (event instanceof PaymentReceived payment) {
                if (!sameDayInvoices.isEmpty()) {
                    issue(sameDayInvoices, sameDayInvoices.get(0).issueDate());
                    sameDayInvoices.clear();
                }
                receive(payment);
            }
        }
        if (!sameDayInvoices.isEmpty()) {
            issue(sameDayInvoices, sameDayInvoices.get(0).issueDate());
        }
    }

    /**
     * Creates new items on a date (invoices issued, or a cycle's fees) and applies the account's
     * unapplied credit to the open items, oldest first.
     */
    public void issue(List<OpenItem> newItems, LocalDate date) {
        for (OpenItem item : newItems) {
            OpenItem fresh = item.withBalance(item.amount());
            insertOpen(fresh);
            touched.put(fresh.itemId(), new ItemState(fresh, true, null));
        }
        applyCredit(date, null);
    }

    /** A payment received: first to the invoice it was sent for, the rest to credit (FIFO). */
    public void receive(PaymentReceived payment) {
        BigDecimal left = payment.amount();
        String directItem = null;
        BigDecimal direct = Money.ZERO;
        if (payment.invoiceNumber() != null) {
            int index = indexOfOpen(payment.invoiceNumber());
            if (index >= 0) {
                OpenItem invoice = open.get(index);
                direct = Money.min(left, invoice.balance());
                directItem = invoice.itemId();
                pay(index, direct, payment.receivedDate(), payment.paymentId(), Source.DIRECT);
                left = left.subtract(direct);
            }
        }
        postings.add(new Posting(payment.paymentId(), directItem, direct, left));
        credit = credit.add(left);
        applyCredit(payment.receivedDate(), payment.paymentId());
    }

    private void applyCredit(LocalDate date, String paymentId) {
        while (Money.isPositive(credit) && !open.isEmpty()) {
            BigDecimal applied = Money.min(credit, open.get(0).balance());
            credit = credit.subtract(applied);
            pay(0, applied, date, paymentId, Source.FIFO);
        }
    }

    private void pay(int index, BigDecimal amount, LocalDate date, String paymentId, Source source) {
        if (amount.signum() == 0) {
            return;
        }
        OpenItem item = open.get(index);
        OpenItem paid = item.withBalance(item.balance().subtract(amount));
        allocations.add(new Allocation(item.itemId(), paymentId, source, date, amount));
        ItemState before = touched.get(item.itemId());
        boolean created = before != null && before.created();
        if (paid.balance().signum() == 0) {
            open.remove(index);
            touched.put(item.itemId(), new ItemState(paid, created, date));
        } else {
            open.set(index, paid);
            touched.put(item.itemId(), new ItemState(paid, created, null));
        }
    }

    private void insertOpen(OpenItem item) {
        int at = 0;
        while (at < open.size() && OpenItem.FIFO_ORDER.compare(open.get(at), item) <= 0) {
            at++;
        }
        open.add(at, item);
    }

    private int indexOfOpen(String itemId) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).itemId().equals(itemId)) {
                return i;
            }
        }
        return -1;
    }

    /** Items created or changed by the replay, in the order they were first touched. */
    public List<ItemState> changedItems() {
        return List.copyOf(touched.values());
    }

    public List<Allocation> allocations() {
        return List.copyOf(allocations);
    }

    public List<Posting> postings() {
        return List.copyOf(postings);
    }

    /** The items still open, in FIFO order. */
    public List<OpenItem> openItems() {
        return List.copyOf(open);
    }

    public BigDecimal unappliedCredit() {
        return credit;
    }
}
