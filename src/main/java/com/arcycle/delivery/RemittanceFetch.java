package com.arcycle.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVPrinter;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.springframework.integration.sftp.session.SftpSession;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.arcycle.batch.CsvLines;
import com.arcycle.delivery.RemittanceWrites.Commission;
import com.arcycle.delivery.RemittanceWrites.ImportedFile;
import com.arcycle.domain.Money;
import com.arcycle.platform.PrivateFiles;
import com.arcycle.ledger.imports.PaymentsFromFile;
import com.arcycle.ledger.imports.PaymentsFromFile.Line;
import com.arcycle.ledger.imports.PaymentsFromFile.Rejected;

/**
 * {@code fetch-remittances}: the firm's remittance files ({@code remittance-<date>.csv} in its
 * outbox folder), each downloaded into {@code OUT/remittances/}, imported as payments through
 * payments.csv's checks ({@link PaymentsFromFile}) with the firm's commission kept beside them, and
 * moved to {@code processed/} in the outbox. A payment's id is the file's name and the line
 * ({@code remittance-2026-05-20.csv:7}), so fetching a file again loads nothing twice; a file is
 * recorded by name with its SHA-256 in the same transaction as its payments, so a file fetched
 * again after a crash is only moved.
 */
@Component
public class RemittanceFetch {

    static final Pattern NAME = Pattern.compile("remittance-\\d{4}-\\d{2}-\\d{2}\\.csv");
    static final List<String> COLUMNS = List.of("account_number", "invoice_number", "received_date", "amount",
            "commission", "reference");
    static final String PROCESSED = "processed";
    static final String FOLDER = "remittances";

    /** What became of one file: imported now, imported before (moved only), or refused whole. */
    public record FileOutcome(String fileName, String problem, boolean importedBefore, int records, int loaded,
            int alreadyLoaded, List<Rejected> rejected, BigDecimal amount, BigDecimal commission, Path rejects) {
    }

    private final DeliveryProperties settings;
    private final FirmServer server;
    private final RemittanceQueries queries;
    private final RemittanceWrites writes;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    RemittanceFetch(DeliveryProperties settings, FirmServer server, RemittanceQueries queries, RemittanceWrites writes,
            NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.server = server;
        this.queries = queries;
        this.writes = writes;
        this.named = named;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Fetches and imports every new remittance file; {@code report} gets a line per file. */
    public List<FileOutcome> fetch(Path out, Consumer<String> report) throws IOException {
        Path folder = out.resolve(FOLDER);
        PrivateFiles.createDirectories(folder);
        String outbox = trimmed(settings.sftp().outboxFolder());
        return server.open(session -> {
            List<FileOutcome> outcomes = new ArrayList<>();
            for (String name : remittanceFiles(session, outbox)) {
                Path local = download(session, outbox + "/" + name, folder.resolve(name));
                FileOutcome outcome = importFile(local);
                if (outcome.problem() == null) {
                    moveToProcessed(session, outbox, name);
                    writes.processed(name);
                }
                report.accept(describe(outcome));
                outcomes.add(outcome);
            }
            return outcomes;
        });
    }

    private static String trimmed(String folder) {
        String trimmed = folder;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static List<String> remittanceFiles(SftpSession session, String outbox) throws IOException {
        if (!session.exists(outbox)) {
            throw new IOException("the AR firm's outbox folder " + outbox + " is not on its server (setting"
                    + " arcycle.delivery.sftp.outbox-folder)");
        }
        List<String> names = new ArrayList<>();
        for (DirEntry entry : session.list(outbox)) {
            if (entry.getAttributes().isRegularFile() && NAME.matcher(entry.getFilename()).matches()) {
                names.add(entry.getFilename());
            }
        }
        names.sort(null);
        return names;
    }

    /** Downloads under a temporary name, created 0640, then moves it into place. */
    private static Path download(SftpSession session, String remote, Path local) throws IOException {
        Path partial = local.resolveSibling("." + local.getFileName() + ".part");
        try (OutputStream file = PrivateFiles.newOutputStream(partial)) {
            session.read(remote, file);
        }
        Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return local;
    }

    private FileOutcome importFile(Path local) throws IOException {
        String name = local.getFileName().toString();
        String sha256 = Sha256.of(local);
        var imported = queries.importedSha256(name);
        if (imported.isPresent()) {
            return imported.get().equals(sha256) ? refusedOrBefore(name, null, true)
                    : refusedOrBefore(name, "it was imported before with other content; it is left in the outbox."
                            + " Ask the AR firm to send corrections in a new file (remittance-<date>.csv of another"
                            + " date)", false);
        }
        List<Line> lines;
        try {
            lines = PaymentsFromFile.read(local, COLUMNS);
        } catch (IOException e) {
            return refusedOrBefore(name, "it cannot be read as a whole (" + e.getMessage() + "); nothing was loaded"
                    + " and it is left in the outbox for the AR firm to correct", false);
        }
        List<Line> payments = lines.stream().map(line -> asPayment(name, line)).toList();
        return transaction.execute(status -> {
            PaymentsFromFile.Outcome outcome = PaymentsFromFile.load(named, name, payments, List.of("commission"));
            Map<Long, Line> byNumber = new HashMap<>();
            payments.forEach(line -> byNumber.put(line.number(), line));
            List<Commission> commissions = new ArrayList<>();
            BigDecimal amount = Money.ZERO;
            BigDecimal commission = Money.ZERO;
            for (long number : outcome.loaded()) {
                Map<String, String> values = byNumber.get(number).values();
                Commission c = new Commission(values.get("payment_id"), number, values.get("account_number"),
                        LocalDate.parse(values.get("received_date")), Money.parse(values.get("amount")),
                        Money.parse(values.get("commission")));
                commissions.add(c);
                amount = amount.add(c.amount());
                commission = commission.add(c.commission());
            }
            writes.imported(new ImportedFile(name, sha256, lines.size(), outcome.loaded().size(),
                    outcome.alreadyLoaded().size(), outcome.rejected().size(), amount, commission), commissions);
            Path rejects = outcome.rejected().isEmpty() ? null : writeRejects(local, outcome.rejected());
            return new FileOutcome(name, null, false, lines.size(), outcome.loaded().size(),
                    outcome.alreadyLoaded().size(), outcome.rejected(), amount, commission, rejects);
        });
    }

    private static FileOutcome refusedOrBefore(String name, String problem, boolean before) {
        return new FileOutcome(name, problem, before, 0, 0, 0, List.of(), Money.ZERO, Money.ZERO, null);
    }

    /** The line under payments.csv's names, its payment id derived from the file and the line. */
    private static Line asPayment(String fileName, Line line) {
        Map<String, String> values = new HashMap<>(line.values());
        values.put("payment_id", fileName + ":" + line.number());
        return new Line(line.number(), values, line.problem());
    }

    /** OUT/remittances/remittance-&lt;date&gt;-rejects.csv: file, line, column, value, reason. */
    private static Path writeRejects(Path local, List<Rejected> rejected) {
        String name = local.getFileName().toString();
        Path file = local.resolveSibling(name.substring(0, name.length() - ".csv".length()) + "-rejects.csv");
        try (OutputStream out = PrivateFiles.newOutputStream(file);
                Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CsvLines.FORMAT)) {
            csv.printRecord("file", "line", "column", "value", "reason");
            for (Rejected r : rejected) {
                csv.printRecord(CsvLines.neutralised(r.file()), r.line(), CsvLines.neutralised(r.column()),
                        CsvLines.neutralised(r.value()), CsvLines.neutralised(r.reason()));
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void moveToProcessed(SftpSession session, String outbox, String name) throws IOException {
        String processed = outbox + "/" + PROCESSED;
        if (!session.exists(processed)) {
            session.mkdir(processed);
        }
        session.rename(outbox + "/" + name, processed + "/" + name);
    }

    private static String describe(FileOutcome outcome) {
        if (outcome.problem() != null) {
            return "  " + outcome.fileName() + ": refused, " + outcome.problem();
        }
        if (outcome.importedBefore()) {
            return "  " + outcome.fileName() + ": imported before; moved to " + PROCESSED + "/";
        }
        StringBuilder line = new StringBuilder(String.format("  %s: %d rows, %d payments loaded (%s, commission %s),"
                + " %d already loaded, %d rejected; moved to %s/", outcome.fileName(), outcome.records(),
                outcome.loaded(), outcome.amount(), outcome.commission(), outcome.alreadyLoaded(),
                outcome.rejected().size(), PROCESSED));
        for (Rejected r : outcome.rejected()) {
            line.append(String.format("%n    %s line %d: %s %s: %s", r.file(), r.line(), r.column(), r.value(),
                    r.reason()));
        }
        return line.toString();
    }
}
