package com.arcycle.calls;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.arcycle.domain.Money;

/**
 * The owner of {@code recorded_promise}, {@code recorded_dispute} and {@code call_note}: what the
 * caller records after a call. Kept apart from the imported ledger tables, so that importing the
 * bookkeeping's files again neither duplicates nor removes them; the next cycle reads them with the
 * imported ones (the views {@code promise_in_force} and {@code dispute_in_force}). Every value is
 * checked first, as the import checks a row; a refused value records nothing.
 */
@Repository
public class CallOutcomes {

    /** The largest amount the ledger's columns hold, as for an imported promise. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    CallOutcomes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a record command did, in plain words. */
    public record Recorded(boolean added, String message) {
    }

    /**
     * A promise to pay made on {@code date} (today when null): {@code amount} by {@code by}.
     *
     * @throws IllegalArgumentException naming the option, its value and the reason
     */
    @Transactional
    public Recorded promise(String account, String amountText, LocalDate by, LocalDate date) {
        LocalDate made = callDate(date);
        requireAccount(account);
        BigDecimal amount = amount(amountText);
        if (by.isBefore(made)) {
            throw new IllegalArgumentException("--by " + by + " is before the day the promise was made (" + made
                    + "); a promise is to pay on or after that day");
        }
        int known = jdbc.sql("""
                SELECT COUNT(*) FROM promise_in_force
                WHERE account_number = ? AND created_date = ? AND promised_date = ? AND amount = ?
                """).params(account, made, by, amount).query(Integer.class).single();
        if (known > 0) {
            return new Recorded(false, "Already known: " + account + " promised " + Money.format(amount) + " by "
                    + by + " on " + made + "; nothing recorded.");
        }
        jdbc.sql("""
                INSERT INTO recorded_promise (account_number, created_date, promised_date, amount, recorded_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(account, made, by, amount, now()).update();
        return new Recorded(true, "Recorded: " + account + " promised " + Money.format(amount) + " by " + by
                + " (made " + made + "). The next cycle holds its stage while the promise stands (rule 4.5).");
    }

    /**
     * A dispute of an invoice opened on {@code date} (today when null), with the customer's reason.
     *
     * @throws IllegalArgumentException naming the option, its value and the reason
     */
    @Transactional
    public Recorded dispute(String invoice, LocalDate date, String reason) {
        LocalDate opened = callDate(date);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("--reason is empty: say what the customer disputes");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("--reason is " + why.length() + " characters; at most " + MAX_REASON);
        }
        String account = jdbc.sql("SELECT account_number FROM invoice WHERE invoice_number = ?").param(invoice)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("--invoice " + invoice
                        + ": no such invoice in the ledger (import it first)"));
        LocalDate since = jdbc.sql("""
                SELECT MIN(opened_date) FROM dispute_in_force
                WHERE invoice_number = ? AND opened_date <= ? AND (resolved_date IS NULL OR resolved_date > ?)
                """).params(invoice, opened, opened).query(LocalDate.class).optional().orElse(null);
        if (since != null) {
            return new Recorded(false, "Already in dispute: invoice " + invoice + " (" + account + ") since " + since
                    + "; nothing recorded.");
        }
        LocalDate resolved = jdbc.sql("SELECT resolved_date FROM dispute WHERE invoice_number = ? AND opened_date = ?")
                .params(invoice, opened).query(LocalDate.class).optional().orElse(null);
        if (resolved != null) {
            throw new IllegalArgumentException("--date " + opened + ": the ledger's dispute of invoice " + invoice
                    + " opened that day was resolved on " + resolved + "; a new dispute needs another --date");
        }
        jdbc.sql("""
                INSERT INTO recorded_dispute (invoice_number, opened_date, reason, recorded_at) VALUES (?, ?, ?, ?)
                """).params(invoice, opened, why, now()).update();
        return new Recorded(true, "Recorded: invoice " + invoice + " (" + account + ") in dispute from " + opened
                + ": " + why + ". From the next cycle it is not dunned and charged no fee until resolved"
                + " (resolve it in the bookkeeping's disputes.csv with the same invoice and opened_date).");
    }

    /**
     * A note of a call on {@code date} (today when null).
     *
     * @throws IllegalArgumentException naming the option, its value and the reason
     */
    @Transactional
    public Recorded note(String account, String text, LocalDate date) {
        LocalDate day = callDate(date);
        requireAccount(account);
        String problem = CallNotes.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException("--text: " + problem);
        }
        jdbc.sql("INSERT INTO call_note (account_number, note_date, note_text, recorded_at) VALUES (?, ?, ?, ?)")
                .params(account, day, text.strip(), now()).update();
        return new Recorded(true, "Recorded: a note of " + day + " on " + account
                + ". It is printed on the next call sheet and, if the account is referred, in the referral file.");
    }

    private LocalDate callDate(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("--date " + date + " is later than today (" + today
                    + "); record a call once it has happened");
        }
        return date;
    }

    private void requireAccount(String account) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM customer WHERE account_number = ?").param(account)
                .query(Integer.class).single() > 0;
        if (!known) {
            throw new IllegalArgumentException("--account " + account
                    + ": no such account in the ledger (import it first)");
        }
    }

    private static BigDecimal amount(String text) {
        BigDecimal amount;
        try {
            amount = Money.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--amount " + text + " is not an amount (" + e.getMessage()
                    + "; write it like 500.00)");
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("--amount " + text + " must be greater than 0");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("--amount " + text + " is above the limit of "
                    + String.format(Locale.ROOT, "%,.2f", MAX_AMOUNT));
        }
        return amount;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
