package com.arcycle.mail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.unbescape.html.HtmlEscape;

import com.arcycle.dunning.Stage;
import com.arcycle.reports.BusinessProperties;
import com.arcycle.testing.MailServer;

/**
 * The screenshot of a received statement email in docs/images: a past-due statement with a broken
 * promise is sent to a GreenMail server, read back, and its headers and HTML body are drawn by
 * headless Chromium:
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.arcycle.mail.EmailScreenshot -Dexec.args=docs/images</pre>
 */
public final class EmailScreenshot {

    private EmailScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path images = Path.of(args.length > 0 ? args[0] : "docs/images");
        LocalDate cycle = LocalDate.of(2026, 3, 31);
        Path folder = Files.createTempDirectory("email-screenshot");
        Files.createDirectories(folder.resolve("statements"));
        Files.write(folder.resolve("statements/A-1002.pdf"), "%PDF-1.4 sample".getBytes(StandardCharsets.US_ASCII));
        BusinessProperties business = new BusinessProperties("Harbor Lane Services LLC",
                List.of("418 Harbor Lane, Suite 200", "Portland, ME 04101"), "(207) 555-0142",
                "billing@harborlane.example", "Checks payable to Harbor Lane Services LLC.",
                "net 30 days from the invoice date", 30);
        MailSettings settings = new MailSettings("", "", "", "", 5, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMinutes(1), 0, 1);
        MailMessages messages = new MailMessages(settings, business, "USD",
                Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC));
        StatementMail mail = new StatementMail(cycle, "A-1002", "Cedar Street Bakery", "ap@cedarstreet.example",
                MessageIds.of(cycle, "A-1002", 0, "harborlane.example"), Channel.EMAIL, 0, "statements/A-1002.pdf",
                Stage.PAST_DUE, false, new BigDecimal("1845.20"), 52, new BigDecimal("2310.75"),
                new StatementMail.BrokenPromise(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 15),
                        new BigDecimal("600.00"), new BigDecimal("250.00")));
        try (MailServer server = new MailServer().start()) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(server.port()));
            Session session = Session.getInstance(properties);
            MimeMessage message = messages.message(session, mail, folder);
            Transport.send(message);
            MimeMessage received = server.received().get(0);
            String page = """
                    <!DOCTYPE html><html><head><meta charset="UTF-8"></head>
                    <body style="margin:0;background:#f3f3f3;font-family:Arial,Helvetica,sans-serif;">
                    <div style="background:#fff;border-bottom:1px solid #ddd;padding:14px 24px;font-size:14px;color:#333;">
                    <div style="font-size:19px;font-weight:bold;margin-bottom:8px;">%s</div>
                    <div><b>From:</b> %s</div><div><b>To:</b> %s</div><div><b>Date:</b> %s</div>
                    <div><b>Message-ID:</b> %s</div>
                    <div style="margin-top:8px;display:inline-block;border:1px solid #ccc;border-radius:4px;padding:4px 10px;background:#fafafa;">Attachment: %s (PDF)</div>
                    </div><div style="background:#fff;margin:16px 24px;">%s</div></body></html>
                    """.formatted(HtmlEscape.escapeHtml5(received.getSubject()),
                    HtmlEscape.escapeHtml5(received.getFrom()[0].toString()),
                    HtmlEscape.escapeHtml5(received.getAllRecipients()[0].toString()),
                    HtmlEscape.escapeHtml5(received.getHeader("Date", null)),
                    HtmlEscape.escapeHtml5(received.getMessageID()), MailMessages.attachmentName(cycle),
                    body(received).replaceAll("(?s).*<body[^>]*>", "").replaceAll("(?s)</body>.*", ""));
            Path html = folder.resolve("email.html");
            Files.writeString(html, page);
            Path png = images.toAbsolutePath().resolve("email-past-due.png");
            Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
                    "--window-size=800,480", "--screenshot=" + png, html.toUri().toString()).inheritIO().start();
            if (chromium.waitFor() != 0) {
                throw new IllegalStateException("chromium exited with " + chromium.exitValue());
            }
            System.out.println("wrote " + png);
        }
    }

    private static String body(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = body(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
