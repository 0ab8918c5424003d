package com.arcycle.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.arcycle.delivery.CycleDelivery;
import com.arcycle.delivery.RemittanceFetch;
import com.arcycle.delivery.RemittanceFetch.FileOutcome;

/** {@code fetch-remittances [--out OUT]}: the payments the AR firm collected, from its outbox. */
@Component
class FetchRemittancesCommand {

    private static final Logger log = LoggerFactory.getLogger(FetchRemittancesCommand.class);

    private final RemittanceFetch remittances;
    private final CycleDelivery delivery;

    FetchRemittancesCommand(RemittanceFetch remittances, CycleDelivery delivery) {
        this.remittances = remittances;
        this.delivery = delivery;
    }

    int run(Path out, PrintStream console) {
        if (!delivery.configured()) {
            console.println("fetch-remittances refused: the AR firm's SFTP server is not configured (set"
                    + " arcycle.delivery.sftp.host and the other settings docs/operations.md lists)");
            return ExitCode.REFUSED;
        }
        List<FileOutcome> outcomes;
        try {
            console.println("Fetching the AR firm's remittance files");
            outcomes = remittances.fetch(out, console::println);
        } catch (IOException e) {
            log.error("fetch-remittances failed", e);
            console.println("fetch-remittances failed: " + CycleCommand.rootMessage(e));
            console.println("Files imported before the failure stay imported; run the same command again: a file is"
                    + " never imported twice.");
            return ExitCode.FAILED;
        }
        if (outcomes.isEmpty()) {
            console.println("No new remittance files in the AR firm's outbox.");
            return ExitCode.OK;
        }
        long loaded = outcomes.stream().mapToLong(FileOutcome::loaded).sum();
        long rejected = outcomes.stream().mapToLong(o -> o.rejected().size()).sum();
        long refused = outcomes.stream().filter(o -> o.problem() != null).count();
        BigDecimal amount = outcomes.stream().map(FileOutcome::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal commission = outcomes.stream().map(FileOutcome::commission).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        console.printf("%d remittance files: %d payments loaded (%s; the firm's commission %s is recorded, not applied"
                + " to any balance), %d rows rejected, %d files refused. Local copies: %s%n", outcomes.size(), loaded,
                amount, commission, rejected, refused, out.resolve("remittances").toAbsolutePath().normalize());
        if (rejected > 0 || refused > 0) {
            console.println("Rejected rows are listed with their file, line, value and reason in the -rejects.csv file"
                    + " beside each remittance file; ask the AR firm to send them corrected in a new file.");
            return ExitCode.REJECTS;
        }
        return ExitCode.OK;
    }
}
