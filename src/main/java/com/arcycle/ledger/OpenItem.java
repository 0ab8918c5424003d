package com.arcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import com.arcycle.domain.Utf8Order;

/**
 * An item of the ledger as the rules see it on a cycle date: open while its balance is above
 * zero and it is not written off. {@code invoiceNumber} is the item's own number for an invoice
 * and the penalised invoice for a fee.
 */
public record OpenItem(String itemId, ItemType type, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
        BigDecimal amount, BigDecimal balance, List<DisputePeriod> disputes) {

    /** Rule 2's order: due date, issue date, invoices before fees, then id by UTF-8 bytes. */
    public static final Comparator<OpenItem> FIFO_ORDER = Comparator.comparing(OpenItem::dueDate)
            .thenComparing(OpenItem::issueDate)
            .thenComparing(OpenItem::type)
            .thenComparing(OpenItem::itemId, Utf8Order.INSTANCE);

    public OpenItem {
        disputes = List.copyOf(disputes);
    }

    /** Days past due on the cycle date: negative or 0 means not yet due. */
    public int dpd(LocalDate cycleDate) {
        return Math.toIntExact(ChronoUnit.DAYS.between(dueDate, cycleDate));
    }

    public boolean inDisputeOn(LocalDate date) {
        for (DisputePeriod dispute : disputes) {
            if (dispute.covers(date)) {
                return true;
            }
        }
        return false;
    }

    public boolean isInvoice() {
        return type == ItemType.INVOICE;
    }

    public OpenItem withDisputes(List<DisputePeriod> periods) {
        return new OpenItem(itemId, type, invoiceNumber, issueDate, dueDate, amount, balance, periods);
    }

    public OpenItem withBalance(BigDecimal newBalance) {
        return new OpenItem(itemId, type, invoiceNumber, issueDate, dueDate, amount, newBalance, disputes);
    }
}
