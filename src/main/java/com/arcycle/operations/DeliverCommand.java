package com.arcycle.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.arcycle.cycle.CycleRepository;
import com.arcycle.delivery.CycleDelivery;

/** {@code deliver --cycle-date D [--again]}: the cycle's files to the AR firm's SFTP server. */
@Component
class DeliverCommand {

    private static final Logger log = LoggerFactory.getLogger(DeliverCommand.class);

    private final CycleDelivery delivery;
    private final CycleRepository cycles;

    DeliverCommand(CycleDelivery delivery, CycleRepository cycles) {
        this.delivery = delivery;
        this.cycles = cycles;
    }

    int run(LocalDate cycleDate, boolean again, PrintStream console) {
        if (!delivery.configured()) {
            console.println("deliver refused: delivery to the AR firm is not configured (set arcycle.delivery.sftp.host"
                    + " and the other settings docs/operations.md lists under \"Delivery to the AR firm\")");
            return ExitCode.REFUSED;
        }
        String folder = cycles.find(cycleDate).map(CycleRepository.StartedCycle::outputFolder).orElse(null);
        if (folder == null || !Files.isRegularFile(Path.of(folder, "manifest.json"))) {
            console.println("deliver refused: the cycle of " + cycleDate + " has no complete files to deliver"
                    + (folder == null ? " (it was never run)" : " (no manifest.json in " + folder + ")")
                    + "; run or restart the cycle first");
            return ExitCode.REFUSED;
        }
        try {
            CycleDelivery.Outcome outcome = delivery.deliver(cycleDate, Path.of(folder), again, console::println);
            if (outcome.alreadyDelivered()) {
                console.println("The files of the cycle of " + cycleDate + " were delivered already (delivery #"
                        + outcome.attempt() + ", to " + outcome.remoteFolder() + "); nothing was sent. To send them"
                        + " again on purpose: scripts/arcycle deliver --cycle-date " + cycleDate + " --again");
                return ExitCode.OK;
            }
            console.printf("Delivered the cycle of %s (delivery #%d%s) to %s: %d files, %d sent now, %d found complete"
                    + " on the server, manifest.json last.%n", cycleDate, outcome.attempt(),
                    outcome.again() ? ", again" : "", outcome.remoteFolder(), outcome.files(), outcome.uploaded(),
                    outcome.found());
            return ExitCode.OK;
        } catch (IOException e) {
            log.error("deliver of {} failed", cycleDate, e);
            console.println("deliver failed: " + CycleCommand.rootMessage(e));
            console.println("What reached the server is on record; fix the cause and run the same command again: it"
                    + " continues where it stopped and sends nothing twice.");
            return ExitCode.FAILED;
        }
    }
}
