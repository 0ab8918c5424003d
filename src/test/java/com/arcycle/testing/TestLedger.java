package com.arcycle.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.arcycle.ledger.DisputePeriod;
import com.arcycle.ledger.ItemType;
import com.arcycle.ledger.OpenItem;

/** Small builders so the tables of the rule tests read like a ledger. */
public final class TestLedger {

    private TestLedger() {
    }

    public static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }

    public static BigDecimal money(String text) {
        return new BigDecimal(text.trim());
    }

    /** An invoice whose id is its invoice number, with no dispute. */
    public static OpenItem invoice(String id, String issue, String due, String amount, String balance) {
        return new OpenItem(id, ItemType.INVOICE, id, date(issue), date(due), money(amount), money(balance),
                List.of());
    }

    /** An invoice still owed in full. */
    public static OpenItem invoice(String id, String issue, String due, String amount) {
        return invoice(id, issue, due, amount, amount);
    }

    /** A fee item of a cycle: issued and due on the cycle date. */
    public static OpenItem fee(String invoiceNumber, String cycleDate, String amount, String balance) {
        LocalDate c = date(cycleDate);
        String id = "LF-" + invoiceNumber + "-" + cycleDate.replace("-", "");
        return new OpenItem(id, ItemType.FEE, invoiceNumber, c, c, money(amount), money(balance), List.of());
    }

    public static OpenItem disputed(OpenItem item, String opened, String resolved) {
        List<DisputePeriod> periods = new ArrayList<>(item.disputes());
        periods.add(new DisputePeriod(date(opened), date(resolved)));
        return item.withDisputes(periods);
    }

    /** "id=balance id=balance" of items, in the order given: what a bookkeeper reads off a statement. */
    public static String balances(List<OpenItem> items) {
        return items.stream().map(i -> i.itemId() + "=" + i.balance().setScale(2).toPlainString())
                .collect(Collectors.joining(" "));
    }

    public static String ids(List<OpenItem> items) {
        return items.stream().map(OpenItem::itemId).collect(Collectors.joining(" "));
    }
}
