package com.arcycle.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.arcycle.testing.IbmSampleLedger;
import com.arcycle.testing.IbmSampleLedger.Customer;
import com.arcycle.testing.IbmSampleLedger.Invoice;

/**
 * What the spec's rules give, cycle after cycle, for the ledger converted from the IBM sample:
 * computed here from the sample's rows alone, with the spec's default policy written out as
 * constants, and no production class involved.
 * <p>
 * The sample keeps this simple, and the model relies on it (and says so when it stops holding):
 * every invoice is paid by one payment of exactly its amount, sent for it, on its settled date,
 * on or after its issue date. So no payment ever leaves credit, an invoice's balance on C is its
 * amount until its settled date and 0 from then on (its paid-off date is the settled date), and a
 * fee item, which nobody pays, keeps its amount as balance. The sample is never more than 45 days
 * late, so no invoice reaches the 91 days of COLLECTIONS or the 120 days of a write-off; the model
 * refuses to go on if it ever would, rather than guess. There are no promises to pay.
 */
final class IbmSampleExpectedCycles {

    // The spec's default policy (collection-rules.md, "Policy settings").
    static final int GRACE_DAYS = 10;
    static final BigDecimal MONTHLY_RATE = new BigDecimal("0.015");
    static final BigDecimal MIN_FEE = new BigDecimal("2.00");
    static final BigDecimal MAX_FEE_PERCENT = new BigDecimal("20");
    static final int HABITUAL_LATE_COUNT = 2;
    static final int GOOD_STANDING_EXTRA_DAYS = 15;
    static final int GOOD_STANDING_TENURE_DAYS = 730;
    static final int LATE_WINDOW_DAYS = 365;
    static final int REMINDER_DAYS = 1;
    static final int PAST_DUE_DAYS = 31;
    static final int FINAL_DEMAND_DAYS = 61;
    static final int COLLECTIONS_DAYS = 91;
    static final BigDecimal WRITE_OFF_THRESHOLD = new BigDecimal("50.00");
    static final int WRITE_OFF_DAYS = 120;
    static final int[] BUCKET_EDGES = {30, 60, 90, 120};

    static final List<String> STAGES = List.of("NONE", "REMINDER", "PAST_DUE", "FINAL_DEMAND", "COLLECTIONS");

    record Fee(String feeId, String accountNumber, String invoiceNumber, LocalDate cycleDate, BigDecimal basis,
            BigDecimal amount) {
    }

    /** An account's row of account_cycle: dunning.csv shows it when stage or previous stage is not NONE. */
    record Dunning(String accountNumber, String previousStage, String stage, Integer maxDpd, BigDecimal pastDueTotal,
            boolean goodStanding, int latePaidCount, String action, boolean suspend) {

        boolean inDunningFile() {
            return !stage.equals("NONE") || !previousStage.equals("NONE");
        }
    }

    /** buckets: current, 1-30, 31-60, 61-90, 91-120, 121+. */
    record Aged(String accountNumber, String name, BigDecimal[] buckets, BigDecimal inDispute,
            BigDecimal unappliedCredit, BigDecimal total, String stage) {
    }

    record Cycle(LocalDate date, List<Dunning> dunning, List<Fee> fees, List<Aged> aged) {

        List<Dunning> dunningFile() {
            return dunning.stream().filter(Dunning::inDunningFile).toList();
        }
    }

    private final IbmSampleLedger sample;
    private final Map<String, List<Invoice>> invoicesByAccount = new HashMap<>();
    private final Map<String, String> previousStage = new HashMap<>();
    private final List<Fee> fees = new ArrayList<>();
    private LocalDate previousCycle;

    IbmSampleExpectedCycles(IbmSampleLedger sample) {
        this.sample = sample;
        for (Invoice invoice : sample.invoices()) {
            if (invoice.settledDate().isBefore(invoice.issueDate())) {
                throw new IllegalStateException("the model assumes payments on or after the issue date: "
                        + invoice.invoiceNumber());
            }
            invoicesByAccount.computeIfAbsent(invoice.accountNumber(), k -> new ArrayList<>()).add(invoice);
        }
    }

    /** All fee items made by the cycles so far. */
    List<Fee> fees() {
        return List.copyOf(fees);
    }

    /** The next cycle, in increasing date order. */
    Cycle next(LocalDate c) {
        if (previousCycle != null && !c.isAfter(previousCycle)) {
            throw new IllegalArgumentException(c + " is not after " + previousCycle);
        }
        List<Dunning> dunning = new ArrayList<>();
        List<Fee> newFees = new ArrayList<>();
        Map<String, String> stages = new HashMap<>();
        for (Customer customer : sample.customersByAccountNumber()) {
            String account = customer.accountNumber();
            List<Invoice> invoices = invoicesByAccount.getOrDefault(account, List.of());
            List<Invoice> open = invoices.stream().filter(i -> i.openOn(c)).toList();
            List<Fee> earlierFees = fees.stream().filter(f -> f.accountNumber().equals(account)).toList();
            String previous = previousStage.getOrDefault(account, "NONE");

            // Rule 3's figures, before this cycle's fees.
            Integer maxDpd = null;
            BigDecimal pastDue = BigDecimal.ZERO.setScale(2);
            for (Invoice i : open) {
                if (!i.inDisputeOn(c)) {
                    int dpd = Math.toIntExact(i.dpd(c));
                    maxDpd = maxDpd == null ? dpd : Math.max(maxDpd, dpd);
                    if (dpd > 0) {
                        pastDue = pastDue.add(i.amount());
                    }
                }
            }
            for (Fee fee : earlierFees) {
                pastDue = pastDue.add(fee.amount()); // due on an earlier cycle date: DPD > 0, never disputed
            }
            int latePaid = 0;
            for (Invoice i : invoices) {
                LocalDate paidOff = i.settledDate();
                boolean inWindow = !paidOff.isAfter(c) && !paidOff.isBefore(c.minusDays(LATE_WINDOW_DAYS - 1));
                if (inWindow && paidOff.isAfter(i.dueDate().plusDays(GRACE_DAYS))) {
                    latePaid++;
                }
            }
            boolean goodStanding = !customer.customerSince().isAfter(c.minusDays(GOOD_STANDING_TENURE_DAYS))
                    && latePaid == 0;

            // Rule 4.
            String target = "NONE";
            if (maxDpd != null) {
                int eff = goodStanding ? maxDpd - GOOD_STANDING_EXTRA_DAYS : maxDpd;
                if (eff >= COLLECTIONS_DAYS) {
                    target = "COLLECTIONS";
                } else if (eff >= FINAL_DEMAND_DAYS) {
                    target = "FINAL_DEMAND";
                } else if (eff >= PAST_DUE_DAYS) {
                    target = "PAST_DUE";
                } else if (eff >= REMINDER_DAYS) {
                    target = "REMINDER";
                }
                if (target.equals("COLLECTIONS") && pastDue.compareTo(WRITE_OFF_THRESHOLD) <= 0) {
                    target = "FINAL_DEMAND";
                }
            }
            String stage = STAGES.get(Math.min(STAGES.indexOf(target), STAGES.indexOf(previous) + 1));
            stages.put(account, stage);

            BigDecimal balance = BigDecimal.ZERO.setScale(2);
            for (Invoice i : open) {
                balance = balance.add(i.amount());
            }
            for (Fee fee : earlierFees) {
                balance = balance.add(fee.amount());
            }
            // Rule 6: outside what the model covers.
            if (stage.equals("COLLECTIONS")) {
                throw new IllegalStateException("the model does not cover collections referrals: " + account + " on " + c);
            }
            if (balance.signum() > 0 && balance.compareTo(WRITE_OFF_THRESHOLD) <= 0 && maxDpd != null
                    && maxDpd >= WRITE_OFF_DAYS) {
                throw new IllegalStateException("the model does not cover write-offs: " + account + " on " + c);
            }
            boolean suspend = customer.recurringService() && previous.equals("FINAL_DEMAND")
                    && STAGES.indexOf(stage) >= STAGES.indexOf("FINAL_DEMAND");
            boolean hasItems = !open.isEmpty() || !earlierFees.isEmpty();
            if (hasItems || !previous.equals("NONE")) {
                String action = STAGES.indexOf(stage) >= STAGES.indexOf("REMINDER") ? "STATEMENT" : "NONE";
                dunning.add(new Dunning(account, previous, stage, maxDpd, pastDue, goodStanding, latePaid, action,
                        suspend));
            }

            // Rule 5.
            boolean charged = switch (customer.lateFeeMode()) {
                case "ALWAYS" -> true;
                case "HABITUAL" -> latePaid >= HABITUAL_LATE_COUNT;
                default -> false;
            };
            if (charged) {
                for (Invoice i : open) {
                    if (i.dpd(c) <= GRACE_DAYS || i.inDisputeOn(c)) {
                        continue;
                    }
                    BigDecimal fee = MIN_FEE.max(money(i.amount().multiply(MONTHLY_RATE)));
                    BigDecimal cap = money(i.amount().multiply(MAX_FEE_PERCENT).movePointLeft(2));
                    BigDecimal left = cap.subtract(chargedOn(i.invoiceNumber()));
                    if (left.signum() <= 0) {
                        continue;
                    }
                    newFees.add(new Fee("LF-" + i.invoiceNumber() + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(c),
                            account, i.invoiceNumber(), c, i.amount(), fee.min(left)));
                }
            }
        }
        newFees.sort(Comparator.comparing(Fee::accountNumber).thenComparing(Fee::feeId));
        fees.addAll(newFees);

        // Rule 7, after the fees.
        List<Aged> aged = new ArrayList<>();
        for (Customer customer : sample.customersByAccountNumber()) {
            String account = customer.accountNumber();
            BigDecimal[] buckets = new BigDecimal[BUCKET_EDGES.length + 2];
            Arrays.fill(buckets, BigDecimal.ZERO.setScale(2));
            BigDecimal inDispute = BigDecimal.ZERO.setScale(2);
            boolean any = false;
            for (Invoice i : invoicesByAccount.getOrDefault(account, List.of())) {
                if (i.openOn(c)) {
                    any = true;
                    int b = bucket(Math.toIntExact(i.dpd(c)));
                    buckets[b] = buckets[b].add(i.amount());
                    if (i.inDisputeOn(c)) {
                        inDispute = inDispute.add(i.amount());
                    }
                }
            }
            for (Fee fee : fees) {
                if (fee.accountNumber().equals(account)) {
                    any = true;
                    int b = bucket(Math.toIntExact(ChronoUnit.DAYS.between(fee.cycleDate(), c)));
                    buckets[b] = buckets[b].add(fee.amount());
                }
            }
            if (any) {
                BigDecimal total = BigDecimal.ZERO.setScale(2);
                for (BigDecimal b : buckets) {
                    total = total.add(b);
                }
                aged.add(new Aged(account, customer.name(), buckets, inDispute, BigDecimal.ZERO.setScale(2), total,
                        stages.get(account)));
            }
        }
        previousStage.clear();
        previousStage.putAll(stages);
        previousCycle = c;
        return new Cycle(c, dunning, newFees, aged);
    }

    private BigDecimal chargedOn(String invoiceNumber) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Fee fee : fees) {
            if (fee.invoiceNumber().equals(invoiceNumber)) {
                total = total.add(fee.amount());
            }
        }
        return total;
    }

    static int bucket(int dpd) {
        if (dpd <= 0) {
            return 0;
        }
        for (int i = 0; i < BUCKET_EDGES.length; i++) {
            if (dpd <= BUCKET_EDGES[i]) {
                return i + 1;
            }
        }
        return BUCKET_EDGES.length + 1;
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
