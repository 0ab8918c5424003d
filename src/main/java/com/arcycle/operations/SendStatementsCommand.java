package com.arcycle.operations;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.arcycle.cycle.CycleRepository;
import com.arcycle.mail.OutboxQueries;
import com.arcycle.mail.StatementEmails;

/**
 * {@code send-statements [--cycle-date D] [--account A [--again]]}: sends what the cycle's outbox
 * still holds (after a failed step, or for a cycle run while delivery was off), one account's only
 * with {@code --account}, and with {@code --again} that account's statement once more on purpose.
 */
@Component
class SendStatementsCommand {

    private final StatementEmails emails;
    private final OutboxQueries outbox;
    private final CycleRepository cycles;

    SendStatementsCommand(StatementEmails emails, OutboxQueries outbox, CycleRepository cycles) {
        this.emails = emails;
        this.outbox = outbox;
        this.cycles = cycles;
    }

    int run(LocalDate requested, String account, boolean again, PrintStream console) {
        if (again && account == null) {
            throw new IllegalArgumentException("--again resends one statement: give --account A as well");
        }
        if (!emails.enabled()) {
            console.println("send-statements refused: email delivery is off (spring.mail.host is not set; see"
                    + " docs/mail.md)");
            return ExitCode.REFUSED;
        }
        LocalDate cycleDate = requested != null ? requested : outbox.latestCycleWithStatements();
        String folder = cycleDate == null ? null
                : cycles.find(cycleDate).map(CycleRepository.StartedCycle::outputFolder).orElse(null);
        if (folder == null || !Files.isDirectory(Path.of(folder, "statements"))) {
            console.println("send-statements refused: " + (cycleDate == null ? "no cycle has statements yet"
                    : "the cycle of " + cycleDate + " has no statements folder" + (folder == null ? "" : " in " + folder)));
            return ExitCode.REFUSED;
        }
        console.println("Sending the statements of " + cycleDate + (account == null ? "" : " for account " + account)
                + (again ? " again" : "") + " through " + emails.describeServer());
        StatementEmails.Result result = emails.deliver(cycleDate, Path.of(folder), account, again, console::println);
        console.printf("%d statements sent by email now, %d refused for good.%n", result.sent(), result.failed());
        if (result.stopped() != null) {
            console.println("send-statements stopped: " + result.stopped());
            console.println("What the server took is on record; run the same command again to send the rest (nothing"
                    + " is sent twice).");
            return ExitCode.FAILED;
        }
        var failed = outbox.failed(cycleDate).stream()
                .filter(entry -> account == null || entry.accountNumber().equals(account)).toList();
        if (!failed.isEmpty()) {
            console.println(failed.size() + " statements of " + cycleDate + " could not be delivered by email and must"
                    + " go by post (docs/mail.md, \"FAILED\"):");
            for (OutboxQueries.Entry entry : failed) {
                console.println("  " + entry.accountNumber() + " <" + entry.recipient() + ">: " + entry.reply());
            }
            return ExitCode.REJECTS;
        }
        return ExitCode.OK;
    }
}
