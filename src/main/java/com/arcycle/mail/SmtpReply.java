package com.arcycle.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed try to send means. A 5xx refusal of the recipient or of the message is for good:
 * that statement goes to paper. A 4xx, a refused or broken connection or a time-out may pass: the
 * message is tried again. A refused sender or login is the settings' fault, not the customer's: the
 * step stops so nobody is marked undeliverable for it.
 *
 * @param kind what to do
 * @param reply the server's reply or the error, for the outbox
 */
record SmtpReply(Kind kind, String reply) {

    enum Kind {
        /** This message can never be delivered: FAILED, paper. */
        PERMANENT,
        /** Try again later. */
        TEMPORARY,
        /** The settings are wrong (login, sender): stop sending. */
        SETTINGS
    }

    static SmtpReply of(MessagingException failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof AuthenticationFailedException && !"[EOF]".equals(t.getMessage())) {
                // ("[EOF]": the connection closed while it was being opened, which may pass.)
                return new SmtpReply(Kind.SETTINGS, "the server refused the login (spring.mail.username and"
                        + " password): " + t.getMessage());
            }
            if (t instanceof SMTPSenderFailedException sender) {
                return coded(sender.getReturnCode(), Kind.SETTINGS, "the server refused the sender: " + text(sender));
            }
            if (t instanceof SMTPAddressFailedException address) {
                return coded(address.getReturnCode(), Kind.PERMANENT, text(address));
            }
            if (t instanceof SMTPSendFailedException send) {
                return coded(send.getReturnCode(), Kind.PERMANENT, text(send));
            }
        }
        return new SmtpReply(Kind.TEMPORARY, describe(failure));
    }

    private static SmtpReply coded(int code, Kind when5xx, String reply) {
        return new SmtpReply(code >= 500 && code < 600 ? when5xx : Kind.TEMPORARY, reply);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String text(MessagingException e) {
        return String.valueOf(e.getMessage()).strip();
    }

    /** The error and its root cause in one line (no stack trace). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = next(t)) {
            root = t;
        }
        String message = String.valueOf(failure.getMessage()).strip();
        return root == failure ? message
                : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
