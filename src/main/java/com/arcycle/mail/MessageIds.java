package com.arcycle.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The Message-ID of a statement's email: the same for the same account, cycle and resend, so a
 * duplicate (a restart after the server took a message whose sending was not yet recorded) can be
 * recognised by anyone: {@code <2026-04-01.<hash of the account>@domain>}; a deliberate resend
 * ({@code --again}) adds {@code .r<n>}. The account number is hashed: it stays out of headers.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String of(LocalDate cycleDate, String accountNumber, int resends, String domain) {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("no domain for the Message-ID: set arcycle.mail.from (or"
                    + " arcycle.business.email) to the business's address, or arcycle.mail.message-id-domain");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accountNumber.getBytes(StandardCharsets.UTF_8));
            String id = cycleDate + "." + HexFormat.of().formatHex(hash, 0, 12) + (resends > 0 ? ".r" + resends : "");
            return "<" + id + "@" + domain.strip() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The domain of an address ({@code billing@example.com} gives {@code example.com}), or "". */
    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().replace(">", "");
    }
}
