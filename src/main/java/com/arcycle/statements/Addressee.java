package com.arcycle.statements;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The customer a statement is sent to: the address block printed where a #10 window envelope
 * shows it, and the account facts of the statement's heading.
 *
 * @param accountNumber the customer's {@code account_number}; also the statement's file name
 * @param name the customer's name, first line of the address block
 * @param addressLines the postal address below the name, one printed line each (from the ledger's
 *        {@code address_line1}, {@code address_line2}, then "city, region postal_code", then the
 *        country when it is not the business's own); empty lines are left out
 * @param customerSince the ledger's {@code customer_since}
 */
public record Addressee(String accountNumber, String name, List<String> addressLines, LocalDate customerSince) {

    public Addressee {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(customerSince, "customerSince");
        addressLines = addressLines.stream().filter(line -> line != null && !line.isBlank()).toList();
    }
}
