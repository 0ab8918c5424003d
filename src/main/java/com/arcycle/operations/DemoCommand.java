package com.arcycle.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: loads the bundled demo ledger into its own fresh embedded database (data/demo,
 * set up by {@link com.arcycle.ArcycleApplication} before start-up) and runs its cycles.
 */
@Component
class DemoCommand {

    static final String LEDGER = "demo/ledger/";
    static final List<String> FILES = List.of("customers.csv", "invoices.csv", "payments.csv", "disputes.csv",
            "promises.csv");

    private final ImportCommand importCommand;
    private final CycleCommand cycleCommand;

    DemoCommand(ImportCommand importCommand, CycleCommand cycleCommand) {
        this.importCommand = importCommand;
        this.cycleCommand = cycleCommand;
    }

    int run(Path home, PrintStream console) throws Exception {
        Path ledger = home.resolve("data/demo/ledger");
        Path out = home.resolve("out/demo");
        extractLedger(ledger);
        console.println("Demo: a small business's ledger of ten accounts, four monthly cycles.");
        int code = importCommand.run(ledger, out, console);
        if (code != ExitCode.OK) {
            return code;
        }
        for (LocalDate cycleDate : cycleDates()) {
            console.println();
            code = cycleCommand.run(cycleDate, out, console);
            if (code != ExitCode.OK) {
                return code;
            }
        }
        console.println();
        console.println("The demo's output files are in " + out.toAbsolutePath().normalize()
                + " (one folder per cycle date); its ledger is in " + ledger.toAbsolutePath().normalize());
        return ExitCode.OK;
    }

    private static void extractLedger(Path ledger) throws IOException {
        Files.createDirectories(ledger);
        for (String file : FILES) {
            try (InputStream in = new ClassPathResource(LEDGER + file).getInputStream()) {
                Files.copy(in, ledger.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<LocalDate> cycleDates() throws IOException {
        try (InputStream in = new ClassPathResource("demo/cycles.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(LocalDate::parse).toList();
        }
    }
}
