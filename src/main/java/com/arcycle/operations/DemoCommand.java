package com.arcycle.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.arcycle.batch.CycleFolder;
import com.arcycle.platform.DatabaseIdentity;

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
    private final DatabaseIdentity database;

    DemoCommand(ImportCommand importCommand, CycleCommand cycleCommand, DatabaseIdentity database) {
        this.importCommand = importCommand;
        this.cycleCommand = cycleCommand;
        this.database = database;
    }

    int run(Path home, PrintStream console) throws Exception {
        Path ledger = home.resolve("data/demo/ledger");
        Path out = home.resolve("out/demo");
        extractLedger(ledger);
        removeEarlierDemoCycles(out);
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

    /**
     * The demo's database is new every time, so the cycle folders of an earlier demo (claimed by the
     * same demo database) are removed; anything else in out/demo is left alone, and a cycle whose
     * folder it occupies is refused as usual.
     */
    private void removeEarlierDemoCycles(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> folders = Files.list(out)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                boolean demo = new CycleFolder(folder).claim()
                        .map(claim -> database.url().equals(claim.get("database"))).orElse(false);
                if (demo) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(file);
                        }
                    }
                }
            }
        }
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
