package com.arcycle.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.arcycle.policy.LateFeeMode;

/**
 * The rows of the five ledger files ({@link LedgerFile}), and the checks a row must pass on its
 * own. Checks against the database (unknown account, duplicate id) are the writer's.
 */
final class LedgerRows {

    private LedgerRows() {
    }

    record Customer(String accountNumber, String name, String email, String phone, String addressLine1,
            String addressLine2, String city, String region, String postalCode, String country,
            LocalDate customerSince, LateFeeMode lateFeeMode, boolean recurringService, String statementDelivery) {
    }

    record Invoice(String invoiceNumber, String accountNumber, LocalDate issueDate, LocalDate dueDate,
            BigDecimal amount, String description) {
    }

    record Payment(String paymentId, String accountNumber, String invoiceNumber, LocalDate receivedDate,
            BigDecimal amount, String reference) {
    }

    record Dispute(String invoiceNumber, LocalDate openedDate, LocalDate resolvedDate, String reason) {
    }

    /** {@code promiseId} is null when the file gives none: the promise is then known by its values. */
    record Promise(String promiseId, String accountNumber, LocalDate createdDate, LocalDate promisedDate,
            BigDecimal amount) {
    }

    static Customer customer(CsvRow row) {
        Fields f = new Fields(row);
        return new Customer(f.accountNumber("account_number"), textRequired(f, "name", 200), f.text("email", 200),
                f.text("phone", 64), f.text("address_line1", 200), f.text("address_line2", 200), f.text("city", 100),
                f.text("region", 100), f.text("postal_code", 32), f.text("country", 64), f.date("customer_since"),
                lateFeeMode(row), f.bool("recurring_service", false), statementDelivery(row));
    }

    static Invoice invoice(CsvRow row) {
        Fields f = new Fields(row);
        String number = f.id("invoice_number");
        String account = f.accountNumber("account_number");
        LocalDate issued = f.date("issue_date");
        LocalDate due = f.date("due_date");
        if (due.isBefore(issued)) {
            throw new RowRejected("due_date", due.toString(), "due_date is before issue_date " + issued);
        }
        return new Invoice(number, account, issued, due, f.positiveAmount("amount"), f.text("description", 500));
    }

    static Payment payment(CsvRow row) {
        Fields f = new Fields(row);
        return new Payment(f.id("payment_id"), f.accountNumber("account_number"), f.optionalId("invoice_number"),
                f.date("received_date"), f.positiveAmount("amount"), f.text("reference", 200));
    }

    static Dispute dispute(CsvRow row) {
        Fields f = new Fields(row);
        String invoice = f.id("invoice_number");
        LocalDate opened = f.date("opened_date");
        LocalDate resolved = f.optionalDate("resolved_date");
        if (resolved != null && resolved.isBefore(opened)) {
            throw new RowRejected("resolved_date", resolved.toString(), "resolved_date is before opened_date "
                    + opened);
        }
        return new Dispute(invoice, opened, resolved, f.text("reason", 500));
    }

    static Promise promise(CsvRow row) {
        Fields f = new Fields(row);
        String promiseId = f.optionalId("promise_id");
        String account = f.accountNumber("account_number");
        LocalDate created = f.date("created_date");
        LocalDate promised = f.date("promised_date");
        if (promised.isBefore(created)) {
            throw new RowRejected("promised_date", promised.toString(), "promised_date is before created_date "
                    + created);
        }
        return new Promise(promiseId, account, created, promised, f.positiveAmount("amount"));
    }

    private static String textRequired(Fields f, String column, int max) {
        f.required(column);
        return f.text(column, max);
    }

    /** EMAIL, POST or BOTH (the mail package decides what it means); null when not given. */
    private static String statementDelivery(CsvRow row) {
        String value = row.get("statement_delivery").strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (!List.of("EMAIL", "POST", "BOTH").contains(value)) {
            throw new RowRejected("statement_delivery", row.get("statement_delivery"),
                    "statement_delivery must be EMAIL, POST or BOTH");
        }
        return value;
    }

    private static LateFeeMode lateFeeMode(CsvRow row) {
        String value = row.get("late_fee_mode");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LateFeeMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("late_fee_mode", value, "late_fee_mode must be ALWAYS, NEVER or HABITUAL");
        }
    }
}
