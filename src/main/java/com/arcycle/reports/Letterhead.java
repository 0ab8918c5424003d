package com.arcycle.reports;

import java.util.List;
import java.util.Objects;

/**
 * The business that sends the statements, as printed in the letterhead and on the remittance slip.
 * Filled from the business's settings, not from the ledger.
 *
 * @param name the business's name, e.g. {@code "Harbor Lane Services LLC"}
 * @param addressLines its postal address, one printed line each (street, then city, state and ZIP);
 *        at least one line
 * @param phone the phone number customers should call, as it should be printed; may be empty
 * @param email the email address customers should write to; may be empty
 * @param paymentInstructions how to pay, printed with the payment policy and on the remittance slip
 *        (e.g. {@code "Checks payable to Harbor Lane Services LLC. Bank transfer: ..."}); may be empty
 */
public record Letterhead(String name, List<String> addressLines, String phone, String email,
        String paymentInstructions) {

    public Letterhead {
        Objects.requireNonNull(name, "name");
        addressLines = List.copyOf(addressLines);
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        paymentInstructions = paymentInstructions == null ? "" : paymentInstructions;
    }
}
