package com.arcycle.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Stage;
import com.arcycle.domain.Money;
import com.arcycle.reports.Letterhead;

/**
 * Everything one account's statement of a cycle prints. Built by the batch step from the database;
 * every date comes from here (the renderer never reads the clock), every amount is a
 * {@code BigDecimal} of scale 2, and the same document always gives the same PDF bytes.
 *
 * @param business the letterhead: the business's name, address, phone, email, payment instructions
 * @param customer the address block and account facts (account number, customer since)
 * @param statementDate the cycle date C: the statement's date, and the PDF's creation date
 * @param currency the ledger's ISO 4217 currency code ({@code arcycle.policy.currency}, e.g. USD)
 * @param stage the account's dunning stage on C (rule 4), {@code REMINDER} or above: it chooses
 *        the statement's message
 * @param referredThisCycle the account was referred to collections on C (rule 6): the statement is
 *        the "placed for collection" notice. True exactly when {@code stage} is {@code COLLECTIONS},
 *        since accounts referred earlier get no statement
 * @param goodStanding the account is in good standing on C (rule 4.1): a {@code REMINDER} then says
 *        the payment "may have been overlooked"
 * @param recurringService the customer has {@code recurring_service = true}: a {@code FINAL_DEMAND}
 *        then warns that service will be suspended
 * @param serviceSuspended the account is in this cycle's {@code service-suspension.csv}: the
 *        statement says that service has been suspended
 * @param collectionsAfter for {@code FINAL_DEMAND}: the date after which the account goes to
 *        collections (normally the next cycle's date); null for the other stages
 * @param brokenPromise the promise to pay broken on C (rule 4.6), or null: named with its date and amount
 * @param activePromise the promise to pay active on C (rule 4.5), or null: acknowledged on the statement
 * @param pastDueTotal the account's {@code past_due_total} on C (rule 3), scale 2
 * @param maxDaysPastDue the account's {@code max_dpd} on C, or null when it has no open invoice
 *        outside dispute
 * @param openItems the open items on C after this cycle's fees and write-offs, in rule 2's order
 * @param fees the fees charged by this cycle, in the order of {@code fees.csv}
 * @param aging the account's row of {@code aged-receivables.csv}: buckets, in dispute, unapplied
 *        credit and total; {@code total} is the amount due
 * @param policy the payment terms and late-fee policy printed on the statement
 */
public record StatementDocument(
        Letterhead business,
        Addressee customer,
        LocalDate statementDate,
        String currency,
        Stage stage,
        boolean referredThisCycle,
        boolean goodStanding,
        boolean recurringService,
        boolean serviceSuspended,
        LocalDate collectionsAfter,
        PromiseToPay brokenPromise,
        PromiseToPay activePromise,
        BigDecimal pastDueTotal,
        Integer maxDaysPastDue,
        List<OpenItemLine> openItems,
        List<FeeLine> fees,
        AgedBalance aging,
        StatementTerms policy) {

    public StatementDocument {
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(statementDate, "statementDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(aging, "aging");
        Objects.requireNonNull(policy, "policy");
        Money.requireCents(pastDueTotal, "pastDueTotal");
        Money.requireCents(aging.total(), "aging.total");
        if (stage == Stage.NONE) {
            throw new IllegalArgumentException(customer.accountNumber() + ": no statement is sent at stage NONE");
        }
        if (referredThisCycle != (stage == Stage.COLLECTIONS)) {
            throw new IllegalArgumentException(customer.accountNumber()
                    + ": a statement is the placed-for-collection notice exactly when the account is referred this"
                    + " cycle (stage COLLECTIONS); got stage " + stage + ", referredThisCycle " + referredThisCycle);
        }
        if (stage == Stage.FINAL_DEMAND && collectionsAfter == null) {
            throw new IllegalArgumentException(customer.accountNumber()
                    + ": a FINAL_DEMAND names the date after which the account goes to collections");
        }
        if (collectionsAfter != null && !collectionsAfter.isAfter(statementDate)) {
            throw new IllegalArgumentException(customer.accountNumber() + ": collectionsAfter " + collectionsAfter
                    + " is not after the statement date " + statementDate);
        }
        openItems = List.copyOf(openItems);
        fees = List.copyOf(fees);
    }

    /** The amount due: the aged total, open balances net of unapplied credit. */
    public BigDecimal totalDue() {
        return aging.total();
    }

    /** The sum of this cycle's fees on the account (zero when none). */
    public BigDecimal feesTotal() {
        return fees.stream().map(FeeLine::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    /** The statement's file name, {@code <account_number>.pdf} with unsafe characters encoded ({@link StatementFileName}). */
    public String fileName() {
        return StatementFileName.of(customer.accountNumber());
    }
}
