package com.arcycle.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import com.arcycle.ledger.ItemType;
import com.arcycle.domain.Money;

/**
 * One line of a statement's open items table: an open invoice or fee item on the cycle date, after
 * payments, fees and write-offs of the cycle. The batch step passes them in rule 2's order (due
 * date, issue date, invoices before fees, id).
 *
 * @param itemId the invoice number, or the fee id ({@code LF-<invoice>-<yyyyMMdd>}) for a fee
 * @param type {@code INVOICE} or {@code FEE}
 * @param issueDate the item's issue date (a fee's is the cycle date that made it)
 * @param dueDate the item's due date
 * @param originalAmount the item's amount when it was made, scale 2
 * @param balance what is still owed on it on the cycle date, scale 2, above zero
 * @param daysPastDue DPD on the cycle date (rule 3); 0 or negative means not yet due
 * @param inDispute the item is in dispute on the cycle date: printed with the "In dispute" marker
 */
public record OpenItemLine(String itemId, ItemType type, LocalDate issueDate, LocalDate dueDate,
        BigDecimal originalAmount, BigDecimal balance, int daysPastDue, boolean inDispute) {

    public OpenItemLine {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Money.requireCents(originalAmount, "originalAmount");
        Money.requireCents(balance, "balance");
    }
}
