package com.arcycle.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * How a statement goes out, from the customer's address and its optional {@code statement_delivery}
 * (EMAIL, POST or BOTH): EMAIL when there is an address and nothing else is asked, POST when there
 * is none. Plain Java: facts in, a decision out.
 *
 * @param channel the channel decided
 * @param status the outbox status it starts with
 * @param reason why it is not emailed, or null
 */
record DeliveryChoice(Channel channel, OutboxStatus status, String reason) {

    /** @throws IllegalArgumentException for a {@code statementDelivery} other than EMAIL, POST, BOTH */
    static DeliveryChoice of(String email, String statementDelivery) {
        Channel asked = statementDelivery == null || statementDelivery.isBlank() ? Channel.EMAIL
                : Channel.valueOf(statementDelivery.strip().toUpperCase(java.util.Locale.ROOT));
        if (email == null || email.isBlank()) {
            return new DeliveryChoice(Channel.POST, OutboxStatus.NO_EMAIL, "no email address");
        }
        if (asked == Channel.POST) {
            return new DeliveryChoice(Channel.POST, OutboxStatus.BY_POST, "statement_delivery POST");
        }
        try {
            new InternetAddress(email.strip(), true).validate();
        } catch (AddressException e) {
            // Nothing could deliver it: paper, and the bookkeeper sees why in the outbox.
            return new DeliveryChoice(asked, OutboxStatus.FAILED, "not a valid email address: " + e.getMessage());
        }
        return new DeliveryChoice(asked, OutboxStatus.PENDING, null);
    }

    /** Whether the statement goes into the print file: posted by choice, or no email reached the customer. */
    static boolean onPaper(Channel channel, OutboxStatus status) {
        return channel != Channel.EMAIL || status == OutboxStatus.FAILED || status == OutboxStatus.NO_EMAIL
                || status == OutboxStatus.BY_POST;
    }
}
