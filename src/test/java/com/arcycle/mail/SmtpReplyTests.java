package com.arcycle.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a failed try means: 5xx for the recipient or the message is for good, 4xx and broken connections may pass. */
class SmtpReplyTests {

    private static MessagingException failure(String kind, int code) throws Exception {
        InternetAddress to = new InternetAddress("ap@cedar.example");
        return switch (kind) {
            // As JavaMail reports a refused recipient: inside a SendFailedException.
            case "recipient" -> {
                SendFailedException invalid = new SendFailedException("Invalid Addresses");
                invalid.setNextException(new SMTPAddressFailedException(to, "RCPT TO:<ap@cedar.example>", code,
                        code + " mailbox"));
                yield invalid;
            }
            case "message" -> new SMTPSendFailedException("DATA", code, code + " message refused", null, null, null,
                    null);
            case "sender" -> new SMTPSenderFailedException(to, "MAIL FROM", code, code + " sender refused");
            case "login" -> new AuthenticationFailedException("535 5.7.8 bad credentials");
            case "eof" -> new AuthenticationFailedException("[EOF]");
            case "timeout" -> new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(textBlock = """
            recipient, 550, PERMANENT
            recipient, 553, PERMANENT
            recipient, 450, TEMPORARY
            recipient, 452, TEMPORARY
            message,   552, PERMANENT
            message,   451, TEMPORARY
            sender,    550, SETTINGS
            sender,    421, TEMPORARY
            login,     535, SETTINGS
            eof,       0,   TEMPORARY
            timeout,   0,   TEMPORARY
            """)
    void kindOfFailure(String kind, int code, SmtpReply.Kind expected) throws Exception {
        SmtpReply reply = SmtpReply.of(failure(kind, code));

        assertThat(reply.kind()).isEqualTo(expected);
        assertThat(reply.reply()).isNotBlank();
        if (kind.equals("timeout")) {
            assertThat(reply.reply()).contains("Read timed out");
        } else if (code > 0) {
            assertThat(reply.reply()).contains(Integer.toString(code));
        }
    }
}
