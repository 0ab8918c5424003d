package com.arcycle.ledger.imports;

import java.util.List;
import java.util.stream.Stream;

/**
 * The five ledger files (files-and-commands.md, "Ledger input files") in the order they are
 * loaded, customers first, with the columns each may have.
 */
enum LedgerFile {

    CUSTOMERS("customers.csv", List.of("account_number", "name", "customer_since"), List.of("email", "phone",
            "address_line1", "address_line2", "city", "region", "postal_code", "country", "late_fee_mode",
            "recurring_service", "statement_delivery")),
    INVOICES("invoices.csv", List.of("invoice_number", "account_number", "issue_date", "due_date", "amount"),
            List.of("description")),
    PAYMENTS("payments.csv", List.of("payment_id", "account_number", "received_date", "amount"),
            List.of("invoice_number", "reference")),
    DISPUTES("disputes.csv", List.of("invoice_number", "opened_date"), List.of("resolved_date", "reason")),
    PROMISES("promises.csv", List.of("account_number", "created_date", "promised_date", "amount"),
            List.of("promise_id"));

    final String fileName;
    final List<String> required;
    /** Required and optional columns. */
    final List<String> columns;

    LedgerFile(String fileName, List<String> required, List<String> optional) {
        this.fileName = fileName;
        this.required = required;
        this.columns = Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** importCustomers, importInvoices, ...: the step that loads the file. */
    String stepName() {
        String name = fileName.substring(0, fileName.indexOf('.'));
        return "import" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
