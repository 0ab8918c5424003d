package com.arcycle.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.MailServer;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.Pdfs;
import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.testing.TestDatabase;

/**
 * The worked example's first cycle with a mail server (GreenMail): run-cycle emails the statements,
 * a mailbox refused for good makes the run exit 3 with its statement in the print file, and
 * send-statements resends one account's statement on purpose.
 */
@SpringBootTest(properties = {"arcycle.business.name=Harbor Supply Co", "arcycle.business.email=billing@harbor.example",
        "arcycle.mail.rate=0", "arcycle.mail.retry-backoff=50ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatementEmailCommandsIntegrationTests extends RunsCommands {

    private static final MailServer SERVER = new MailServer().start();

    @TempDir
    Path out;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "mail-commands");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SERVER::port);
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void anUndeliverableStatementMakesTheCycleExit3AndGoesToPaperAndOneAccountIsResentOnPurpose() throws Exception {
        SERVER.refuse("ap@habitual.example", "550 5.1.1 <ap@habitual.example>: Recipient address rejected");
        Path example = SharedFiles.path("examples/small-ledger");
        assertThat(console.run("import-ledger", "--dir", example.resolve("ledger").toString(), "--out", out.toString()))
                .isZero();

        int exit = console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString());

        assertThat(exit).as(console.output()).isEqualTo(3);
        assertThat(console.output()).contains("Statements: 4 emailed, 1 to post (statements-print.pdf), 1 undeliverable",
                "undeliverable, posted instead: A008 <ap@habitual.example>: 550 5.1.1");
        assertThat(recipients(SERVER.received())).containsExactlyInAnyOrder("billing@slowsteady.example",
                "ap@silentpartner.example", "pay@promisekeepers.example", "ar@neverfee.example");
        Path folder = out.resolve("2026-01-31");
        String print = Pdfs.text(Files.readAllBytes(folder.resolve("statements-print.pdf")));
        assertThat(print).contains("A008").doesNotContain("A002", "A004", "A006", "A009");
        ManifestCheck.assertManifestMatchesFiles(folder, "2026-01-31");
        assertThat(Files.readString(folder.resolve("manifest.json")).replaceAll("\\s+", ""))
                .contains("\"statement_delivery\":{\"statements\":5,\"emailed\":4,\"posted\":1,\"failed\":1}");
        assertThat(Pdfs.text(Files.readAllBytes(folder.resolve("cycle-summary.pdf"))))
                .contains("by email 4", "by post 1", "undeliverable by email (posted) 1");

        assertThat(console.run("status")).isZero();
        assertThat(console.output()).contains("Statements sent to customers:", "2026-01-31        5 statements:"
                + "      4 emailed,      1 posted, 1 undeliverable by email (posted), 0 pending");

        assertThat(console.run("send-statements", "--cycle-date", "2026-01-31", "--again")).as("--again needs --account")
                .isEqualTo(2);
        assertThat(console.run("send-statements", "--cycle-date", "2026-01-31")).as("A008 still needs attention")
                .isEqualTo(3);
        assertThat(SERVER.received()).as("nothing was pending: nothing sent").hasSize(4);

        assertThat(console.run("send-statements", "--cycle-date", "2026-01-31", "--account", "A002", "--again"))
                .as(console.output()).isZero();

        List<MimeMessage> received = SERVER.received();
        assertThat(recipients(received)).hasSize(5).filteredOn("billing@slowsteady.example"::equals).hasSize(2);
        String first = received.stream().filter(m -> recipients(List.of(m)).contains("billing@slowsteady.example"))
                .findFirst().orElseThrow().getMessageID();
        assertThat(received.get(4).getMessageID()).as("a deliberate resend is a message of its own")
                .isEqualTo(first.replace("@", ".r1@"));
    }

    private static List<String> recipients(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
