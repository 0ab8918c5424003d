package com.arcycle.totals;

import java.math.BigDecimal;

/**
 * The ledger as it stands after a cycle (the manifest reports it beside the cycle's totals).
 *
 * @param accounts every customer
 * @param openItems items with a balance, not written off
 * @param openBalance their balances
 * @param unappliedCredit the credit of all accounts
 */
public record LedgerTotals(long accounts, long openItems, BigDecimal openBalance, BigDecimal unappliedCredit) {
}
