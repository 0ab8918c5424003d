package com.arcycle.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.ItemType;
import com.arcycle.reports.Letterhead;
import com.arcycle.testing.Letterheads;

/** Documents for the statement tests, with consistent figures (aging made from the items). */
final class Samples {

    static final LocalDate CYCLE = LocalDate.of(2026, 1, 31);
    static final LocalDate NEXT_CYCLE = LocalDate.of(2026, 3, 2);

    static final Letterhead BUSINESS = Letterheads.HARBOR_LANE;

    static final StatementTerms POLICY = StatementTerms.defaults("net 30 days from the invoice date");

    private Samples() {
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static OpenItemLine invoice(String id, String issued, String amount, String balance, boolean inDispute) {
        LocalDate issue = LocalDate.parse(issued);
        LocalDate due = issue.plusDays(30);
        return new OpenItemLine(id, ItemType.INVOICE, issue, due, money(amount), money(balance),
                (int) ChronoUnit.DAYS.between(due, CYCLE), inDispute);
    }

    static OpenItemLine fee(String invoice, LocalDate cycle, String amount) {
        return new OpenItemLine("LF-" + invoice + "-" + cycle.toString().replace("-", ""), ItemType.FEE, cycle, cycle,
                money(amount), money(amount), (int) ChronoUnit.DAYS.between(cycle, CYCLE), false);
    }

    /**
     * The open items of account A-1001 at a stage: the older the stage, the older the invoices
     * (PAST_DUE: oldest invoice 52 days past due; FINAL_DEMAND 82; COLLECTIONS 112; REMINDER only
     * the recent ones). One invoice is in dispute, one is not yet due, and there are fees past REMINDER.
     */
    static List<OpenItemLine> items(Stage stage) {
        if (stage == Stage.REMINDER) {
            return List.of(
                    invoice("INV-2025-1003", "2025-12-05", "640.00", "540.00", false),
                    invoice("INV-2026-0007", "2026-01-12", "380.00", "380.00", false));
        }
        int older = (stage.ordinal() - Stage.PAST_DUE.ordinal()) * 30;
        return List.of(
                invoice("INV-2025-0912", LocalDate.parse("2025-11-10").minusDays(older).toString(), "1250.00", "1250.00",
                        false),
                invoice("INV-2025-0950", "2025-11-21", "210.00", "210.00", true),
                invoice("INV-2025-1003", "2025-12-05", "640.00", "540.00", false),
                fee("INV-2025-0912", LocalDate.of(2025, 12, 31), "18.75"),
                invoice("INV-2026-0007", "2026-01-12", "380.00", "380.00", false),
                fee("INV-2025-0912", CYCLE, "18.75"),
                fee("INV-2025-1003", CYCLE, "8.10"));
    }

    static List<FeeLine> fees() {
        return List.of(
                new FeeLine("LF-INV-2025-0912-20260131", "INV-2025-0912", money("1250.00"), money("1250.00"),
                        money("18.75"), false, false, money("18.75")),
                new FeeLine("LF-INV-2025-1003-20260131", "INV-2025-1003", money("640.00"), money("540.00"),
                        money("8.10"), false, false, money("8.10")));
    }

    /** Rule 7 over the lines: buckets by days past due (30/60/90/120), disputed part, credit subtracted. */
    static AgedBalance age(List<OpenItemLine> items, BigDecimal credit) {
        BigDecimal[] buckets = new BigDecimal[6];
        java.util.Arrays.fill(buckets, money("0.00"));
        BigDecimal disputed = money("0.00");
        BigDecimal open = money("0.00");
        for (OpenItemLine item : items) {
            int dpd = item.daysPastDue();
            int bucket = dpd <= 0 ? 0 : dpd <= 30 ? 1 : dpd <= 60 ? 2 : dpd <= 90 ? 3 : dpd <= 120 ? 4 : 5;
            buckets[bucket] = buckets[bucket].add(item.balance());
            open = open.add(item.balance());
            if (item.inDispute()) {
                disputed = disputed.add(item.balance());
            }
        }
        return new AgedBalance(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], buckets[5], disputed, credit,
                open.subtract(credit));
    }

    static BigDecimal pastDue(List<OpenItemLine> items) {
        return items.stream().filter(i -> i.daysPastDue() > 0 && !i.inDispute()).map(OpenItemLine::balance)
                .reduce(money("0.00"), BigDecimal::add);
    }

    static Integer maxDpd(List<OpenItemLine> items) {
        return items.stream().filter(i -> i.type() == ItemType.INVOICE && !i.inDispute())
                .map(OpenItemLine::daysPastDue).max(Integer::compare).orElse(null);
    }

    static Addressee customer(String account, String name) {
        return new Addressee(account, name, List.of("Attn: Accounts Payable", "12 Maple Street", "Falmouth, ME 04105"),
                LocalDate.of(2019, 3, 4));
    }

    /** A statement at a stage; good standing and recurring service as asked; fees only past REMINDER. */
    static StatementDocument statement(Stage stage, boolean goodStanding, boolean recurringService) {
        return statement("A-1001", "Birchwood Dental Group", stage, goodStanding, recurringService, items(stage),
                stage == Stage.REMINDER ? List.of() : fees(), null);
    }

    static StatementDocument statement(String account, String name, Stage stage, boolean goodStanding,
            boolean recurringService, List<OpenItemLine> items, List<FeeLine> fees, PromiseToPay brokenPromise) {
        BigDecimal credit = money("25.00");
        return new StatementDocument(BUSINESS, customer(account, name), CYCLE, "USD", stage,
                stage == Stage.COLLECTIONS, goodStanding, recurringService, false,
                stage == Stage.FINAL_DEMAND ? NEXT_CYCLE : null, brokenPromise, null, pastDue(items), maxDpd(items),
                items, fees, age(items, credit), POLICY);
    }

    static PromiseToPay brokenPromise() {
        return new PromiseToPay(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20), money("600.00"), money("0.00"));
    }

    /** A statement with {@code count} open invoices: runs over several pages. */
    static StatementDocument longStatement(int count) {
        List<OpenItemLine> items = new ArrayList<>();
        LocalDate issue = LocalDate.of(2025, 9, 1);
        for (int i = 1; i <= count; i++) {
            String amount = String.format("%d.%02d", 40 + (i * 37) % 400, (i * 13) % 100);
            items.add(invoice(String.format("INV-2025-%04d", i), issue.plusDays(i % 120).toString(), amount, amount,
                    i % 17 == 0));
        }
        items.sort(java.util.Comparator.comparing(OpenItemLine::dueDate).thenComparing(OpenItemLine::itemId));
        return statement("A-2040", "Northwind Property Management", Stage.PAST_DUE, false, true, items, fees(), null);
    }
}
