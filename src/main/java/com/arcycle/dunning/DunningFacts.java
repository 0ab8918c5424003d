package com.arcycle.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.arcycle.ledger.OpenItem;

/**
 * What rule 4 needs to know of one account on the cycle date, after payments were applied.
 *
 * @param previousCycleDate the last completed cycle before this one, or null for the first
 * @param previousStage the account's stage at the previous cycle (NONE when it had none)
 * @param referredEarlier the account was referred to collections in an earlier cycle
 * @param paidInvoices the invoices paid off in the late-payment window ({@link DunningRules#latePaymentWindowStart}
 *     to the cycle date)
 * @param receipts the account's payments received up to the cycle date that fall in a promise's
 *     window (others may be included)
 */
public record DunningFacts(LocalDate cycleDate, LocalDate previousCycleDate, LocalDate customerSince,
        Stage previousStage, boolean referredEarlier, List<OpenItem> openItems, List<PaidInvoice> paidInvoices,
        List<Promise> promises, List<Receipt> receipts, BigDecimal unappliedCredit) {
}
