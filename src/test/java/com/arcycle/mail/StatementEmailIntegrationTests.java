package com.arcycle.mail;

import static com.arcycle.testing.LedgerTables.accountCycle;
import static com.arcycle.testing.LedgerTables.agedBalance;
import static com.arcycle.testing.LedgerTables.customer;
import static com.arcycle.testing.LedgerTables.date;
import static com.arcycle.testing.LedgerTables.decision;
import static com.arcycle.testing.LedgerTables.invoiceItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.arcycle.statements.StatementRenderer;
import com.arcycle.testing.MailServer;
import com.arcycle.testing.Pdfs;
import com.arcycle.testing.RunsCycleSteps;

/**
 * The cycle's statements by email against a real SMTP server (GreenMail, {@link MailServer}): the
 * statements step renders them, {@code sendStatements} emails each once, {@code statementsPrintFile}
 * puts the rest on paper. Also what goes wrong: a server that goes away mid-run, a mailbox refused
 * for good, a server that never answers.
 */
@SpringBootTest(properties = {"arcycle.batch.chunk-size=2", "arcycle.batch.skip-limit=0", "arcycle.batch.partitions=2",
        "arcycle.business.name=Harbor Supply Co", "arcycle.business.email=billing@harbor.example",
        "arcycle.business.phone=+1-555-0100", "arcycle.mail.rate=0", "arcycle.mail.connections=2",
        "arcycle.mail.max-attempts=3", "arcycle.mail.retry-backoff=50ms",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class StatementEmailIntegrationTests extends RunsCycleSteps {

    private static final String C = "2026-03-31";
    private static final String PREVIOUS = "2026-02-28";
    static final MailServer SERVER = new MailServer();

    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SERVER::port);
    }

    @BeforeEach
    void server() {
        SERVER.start();
        SERVER.clear();
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    /** An account with one open invoice, dunned and decided for this cycle. */
    private void decided(String account, String email, String stage, String action, String balance) {
        customer(account, "2020-01-01").name("Customer " + account).contact(email, null)
                .address("12 Mill Lane", null, "Portland", "ME", "04101", "USA").insert(jdbc);
        invoiceItem(account, "I-" + account, "2025-09-01", "2026-01-15", "2000.00").balance(balance).insert(jdbc);
        accountCycle(C, account).stage("REMINDER", stage).figures(75, balance, balance).insert(jdbc);
        decision(jdbc, C, account, action, false);
        agedBalance(jdbc, C, account, stage, "0.00", "0.00", "0.00", balance, "0.00", "0.00", "0.00", "0.00", balance);
    }

    private void statementDelivery(String account, String value) {
        jdbc.sql("UPDATE customer SET statement_delivery = ? WHERE account_number = ?").params(value, account).update();
    }

    private Path statements() {
        return out.resolve(C).resolve("statements");
    }

    private Map<String, String> statuses() {
        Map<String, String> statuses = new TreeMap<>();
        for (String row : rows("SELECT account_number, status FROM mail_outbox ORDER BY account_number")) {
            String[] parts = row.split(" ");
            statuses.put(parts[0], parts[1]);
        }
        return statuses;
    }

    @Test
    void emailsEachStatementOnceByStageWithItsMessageIdAndTheStatementAttachedAndPostsTheRest() throws Exception {
        decided("R1", "ap@reminder.example", "REMINDER", "STATEMENT", "400.00");
        decided("P1", "ap@pastdue.example", "PAST_DUE", "STATEMENT", "900.00");
        jdbc.sql("INSERT INTO cycle_promise (cycle_date, account_number, state, created_date, promised_date, amount,"
                + " received) VALUES (?, 'P1', 'BROKEN', ?, ?, 300.00, 100.00)").params(date(C), date("2026-02-20"),
                        date("2026-03-15")).update();
        decided("F1", "ap@final.example", "FINAL_DEMAND", "STATEMENT", "1200.00");
        decided("K1", "ap@collections.example", "COLLECTIONS", "REFERRED", "1800.00");
        decided("N1", null, "REMINDER", "STATEMENT", "50.00");
        decided("B1", "ap@both.example", "PAST_DUE", "STATEMENT", "700.00");
        statementDelivery("B1", "BOTH");
        decided("T1", "ap@post.example", "PAST_DUE", "STATEMENT", "600.00");
        statementDelivery("T1", "POST");

        runStep("statements", C, PREVIOUS);
        runStep("sendStatements", C, PREVIOUS);

        List<MimeMessage> received = SERVER.received();
        Map<String, MimeMessage> byRecipient = new TreeMap<>();
        for (MimeMessage message : received) {
            byRecipient.put(message.getAllRecipients()[0].toString(), message);
        }
        assertThat(byRecipient.keySet()).as("one message to each address, none to a customer without one or by post")
                .containsExactly("Customer B1 <ap@both.example>", "Customer F1 <ap@final.example>",
                        "Customer K1 <ap@collections.example>", "Customer P1 <ap@pastdue.example>",
                        "Customer R1 <ap@reminder.example>");
        assertThat(received).hasSize(5);
        assertThat(statuses()).containsExactlyEntriesOf(new TreeMap<>(Map.of("B1", "SENT", "F1", "SENT", "K1", "SENT",
                "N1", "NO_EMAIL", "P1", "SENT", "R1", "SENT", "T1", "BY_POST")));

        MimeMessage reminder = byRecipient.get("Customer R1 <ap@reminder.example>");
        assertThat(reminder.getFrom()[0].toString()).isEqualTo("Harbor Supply Co <billing@harbor.example>");
        assertThat(reminder.getSubject()).isEqualTo("Your statement of March 31, 2026 from Harbor Supply Co");
        assertThat(text(reminder)).contains("A friendly reminder: $400.00 on your account is now past its due date");
        MimeMessage pastDue = byRecipient.get("Customer P1 <ap@pastdue.example>");
        assertThat(pastDue.getSubject()).isEqualTo("Past due: $900.00 on your account with Harbor Supply Co");
        assertThat(text(pastDue)).contains("Your account is past due.",
                "Promise to pay not kept: on February 20, 2026 you promised to pay $300.00 by March 15, 2026."
                        + " By that date we received $100.00 of it.");
        assertThat(html(pastDue)).contains("<strong>Promise to pay not kept:</strong>");
        assertThat(byRecipient.get("Customer F1 <ap@final.example>").getSubject())
                .isEqualTo("Final demand: please pay $1,200.00 by April 30, 2026");
        MimeMessage collections = byRecipient.get("Customer K1 <ap@collections.example>");
        assertThat(collections.getSubject())
                .isEqualTo("Notice: your account with Harbor Supply Co has been placed for collection");
        assertThat(text(collections)).contains("Your account has been placed for collection.");
        assertThat(text(reminder)).doesNotContain("Promise to pay not kept");

        for (String account : List.of("B1", "F1", "K1", "P1", "R1")) {
            MimeMessage message = received.stream().filter(m -> recipient(m).contains(account)).findFirst()
                    .orElseThrow();
            String messageId = rows("SELECT message_id FROM mail_outbox WHERE account_number = ?", account).get(0);
            assertThat(message.getMessageID()).as(account).isEqualTo(messageId)
                    .matches("<2026-03-31\\.[0-9a-f]{24}@harbor\\.example>");
            Part attachment = attachment(message);
            assertThat(attachment.getFileName()).isEqualTo("statement-2026-03-31.pdf");
            try (InputStream in = attachment.getInputStream()) {
                assertThat(in.readAllBytes()).as("the statement of %s as written", account)
                        .isEqualTo(Files.readAllBytes(statements().resolve(account + ".pdf")));
            }
        }
        assertThat(received.stream().map(m -> id(m)).distinct()).as("a Message-ID per account").hasSize(5);

        runStep("statementsPrintFile", C, PREVIOUS);

        Path printFile = out.resolve(C).resolve(StatementRenderer.PRINT_FILE);
        byte[] print = Files.readAllBytes(printFile);
        assertThat(Pdfs.text(print)).as("on paper: both, no email, post only, in account order")
                .containsSubsequence("Customer B1", "Customer N1", "Customer T1")
                .doesNotContain("Customer R1", "Customer P1", "Customer F1", "Customer K1");
        int pages = 0;
        for (String account : List.of("B1", "N1", "T1")) {
            pages += Pdfs.pageCount(Files.readAllBytes(statements().resolve(account + ".pdf")));
        }
        assertThat(Pdfs.pageCount(print)).as("their pages, copied").isEqualTo(pages);
        assertThat(Pdfs.creationDate(print).toInstant()).hasToString("2026-03-31T00:00:00Z");
        runStep("statementsPrintFile", C, PREVIOUS);
        assertThat(Files.readAllBytes(printFile)).as("the same bytes when made again").isEqualTo(print);

        runStep("sendStatements", C, PREVIOUS);
        assertThat(SERVER.received()).as("sending the cycle again sends nothing").hasSize(5);
    }

    @Test
    void aServerStoppedMidRunFailsTheStepAndTheRestartSendsTheRestWithNobodyGettingTwo() throws Exception {
        for (int i = 1; i <= 6; i++) {
            decided("S" + i, "ap@s" + i + ".example", "PAST_DUE", "STATEMENT", i + "00.00");
        }
        runStep("statements", C, PREVIOUS);
        SERVER.stopAfter(2);

        JobParameters parameters = parameters(C);
        JobExecution failed = startStep("sendStatements", parameters, PREVIOUS);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().toString()).contains("statements by email stopped",
                "restart sends the rest");
        // Two connections send at once: the one still in the middle of a message when the server goes
        // away loses it, so the server took one or two, and exactly those are on record as sent.
        int taken = SERVER.received().size();
        assertThat(taken).isBetween(1, 2);
        assertThat(statuses().values()).as("what the server took is on record, the rest still to send")
                .containsOnly("SENT", "PENDING").filteredOn("SENT"::equals).hasSize(taken);

        SERVER.start();
        JobExecution restarted = startStep("sendStatements", parameters, PREVIOUS);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(statuses().values()).containsOnly("SENT").hasSize(6);
        List<String> recipients = SERVER.received().stream().map(StatementEmailIntegrationTests::recipient).toList();
        assertThat(recipients).as("everyone got one, nobody two").hasSize(6).doesNotHaveDuplicates();
        // The step gave up once a message had been refused max-attempts (3) times; the restart sent it.
        assertThat(Integer.parseInt(rows("SELECT MAX(attempts) FROM mail_outbox").get(0)))
                .as("the refused tries are counted").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aMailboxRefusedForGoodIsFailedWithTheServersReplyAndItsStatementGoesToPaper() throws Exception {
        decided("G1", "ap@good.example", "PAST_DUE", "STATEMENT", "100.00");
        decided("X1", "gone@closed.example", "PAST_DUE", "STATEMENT", "200.00");
        decided("Z1", "ap@zeta.example", "REMINDER", "STATEMENT", "300.00");
        SERVER.refuse("gone@closed.example", "550 5.1.1 <gone@closed.example>: no such mailbox");

        runStep("statements", C, PREVIOUS);
        runStep("sendStatements", C, PREVIOUS);
        runStep("statementsPrintFile", C, PREVIOUS);

        assertThat(statuses()).containsExactlyEntriesOf(new TreeMap<>(Map.of("G1", "SENT", "X1", "FAILED",
                "Z1", "SENT")));
        assertThat(rows("SELECT attempts, reply FROM mail_outbox WHERE account_number = 'X1'").get(0))
                .as("tried once, never again").startsWith("1 ").contains("550 5.1.1", "no such mailbox");
        assertThat(SERVER.received()).hasSize(2);
        String print = Pdfs.text(Files.readAllBytes(out.resolve(C).resolve(StatementRenderer.PRINT_FILE)));
        assertThat(print).contains("Customer X1").doesNotContain("Customer G1", "Customer Z1");
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheStepFailsInsteadOfHanging() throws Exception {
        decided("H1", "ap@hang.example", "PAST_DUE", "STATEMENT", "100.00");
        runStep("statements", C, PREVIOUS);
        SERVER.stop();
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(SERVER.port(), 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // and never say a word
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();

            JobExecution execution = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> startStep("sendStatements", parameters(C), PREVIOUS));

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(rows("SELECT status, attempts FROM mail_outbox")).containsExactly("PENDING 3");
            assertThat(rows("SELECT reply FROM mail_outbox").get(0)).containsIgnoringCase("timed out");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String html(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Part attachment(Part part) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = attachment(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
