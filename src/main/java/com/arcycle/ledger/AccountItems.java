package com.arcycle.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An account's open items and the disputes of its invoices, as read by a cycle step. */
public final class AccountItems {

    private final List<OpenItem> items = new ArrayList<>();
    private final Map<String, List<DisputePeriod>> disputes = new HashMap<>();

    void add(OpenItem item) {
        items.add(item);
    }

    void addDispute(String invoiceNumber, DisputePeriod period) {
        disputes.computeIfAbsent(invoiceNumber, k -> new ArrayList<>()).add(period);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The open items in FIFO order, each with the disputes of its own invoice. */
    public List<OpenItem> openItems() {
        List<OpenItem> result = new ArrayList<>(items.size());
        for (OpenItem item : items) {
            List<DisputePeriod> periods = item.isInvoice() ? disputes.get(item.itemId()) : null;
            result.add(periods == null ? item : item.withDisputes(periods));
        }
        result.sort(OpenItem.FIFO_ORDER);
        return result;
    }
}
