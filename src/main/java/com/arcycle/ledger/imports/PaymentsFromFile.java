package com.arcycle.ledger.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.batch.BulkInserter;
import com.arcycle.ledger.imports.LedgerRows.Payment;

/**
 * Payments that arrive in another file than payments.csv (the AR firm's remittance files, which the
 * delivery package fetches): read as the ledger files are (strict UTF-8, RFC 4180, values trimmed,
 * the line of each record known), each row checked by payments.csv's rules ({@link LedgerRows},
 * {@link Fields}) and references ({@link PaymentsFile}), and loaded into the payment table in the
 * caller's transaction. As on import, a payment already loaded with the same values is passed over
 * and one with the same id and other values is rejected, so loading a file again changes nothing.
 */
public final class PaymentsFromFile {

    /** One record: the line it starts on, its values by column, or why it cannot be read by column. */
    public record Line(long number, Map<String, String> values, String problem) {
    }

    /** A row that was not loaded: file, line, the column and value that are wrong, and why. */
    public record Rejected(String file, long line, String column, String value, String reason) {
    }

    /** What became of each line: loaded now, loaded before (same values), or rejected. */
    public record Outcome(List<Long> loaded, List<Long> alreadyLoaded, List<Rejected> rejected) {
    }

    private PaymentsFromFile() {
    }

    /**
     * The records of a CSV file with a header naming at least {@code required}.
     *
     * @throws IOException naming the line and the reason when the file cannot be read as a whole
     */
    public static List<Line> read(Path file, List<String> required) throws IOException {
        String name = file.getFileName().toString();
        try (LedgerCsv csv = LedgerCsv.open(file)) {
            List<String> header = csv.header();
            List<String> missing = required.stream().filter(c -> header == null || !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IOException(name + " line 1: the header has no column " + String.join(", ", missing));
            }
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record = csv.next(); record != null; record = csv.next()) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.putIfAbsent(header.get(i), record.get(i));
                }
                String problem = record.size() == header.size() ? null
                        : "the row has " + record.size() + " values, the header " + header.size();
                lines.add(new Line(csv.line(), values, problem));
            }
            return lines;
        } catch (FileProblem problem) {
            throw new IOException(name + " line " + problem.line() + ": " + problem.getMessage(), problem);
        }
    }

    /**
     * Checks each line as a row of payments.csv (its values under payments.csv's column names, the
     * payment id among them) and loads those that pass. {@code amountColumns} are further amounts of
     * the row (0 or more, two fraction digits at most), checked before it is loaded.
     */
    public static Outcome load(NamedParameterJdbcTemplate named, String fileName, List<Line> lines,
            List<String> amountColumns) {
        List<Rejected> rejected = new ArrayList<>();
        Map<Payment, Long> checked = new LinkedHashMap<>();
        RowChecker<Payment> rules = new RowChecker<>(row -> {
            Fields fields = new Fields(row);
            amountColumns.forEach(fields::amountOrZero);
            return LedgerRows.payment(row);
        });
        for (Line line : lines) {
            Parsed<Payment> parsed = rules.process(new CsvRow(fileName, line.number(), line.values(), line.problem()));
            if (parsed.reject() != null) {
                rejected.add(rejected(parsed.reject()));
            } else {
                checked.put(parsed.row(), line.number());
            }
        }
        List<Long> loadedLines = new ArrayList<>();
        List<Long> alreadyLoaded = new ArrayList<>();
        if (checked.isEmpty()) {
            return new Outcome(loadedLines, alreadyLoaded, rejected);
        }
        // A remittance file's few payments go as a JDBC batch, in the caller's transaction.
        PaymentsFile payments = new PaymentsFile(named, new BulkInserter(named.getJdbcTemplate(), false));
        Map<String, Payment> loaded = new HashMap<>(payments.loaded(checked.keySet()));
        ImportTarget.ReferenceCheck<Payment> references = payments.references(checked.keySet());
        List<Payment> inserts = new ArrayList<>();
        checked.forEach((payment, line) -> {
            Optional<RowRejected> broken = references.check(payment);
            Payment earlier = loaded.get(payment.paymentId());
            if (broken.isPresent()) {
                RowRejected reason = broken.get();
                rejected.add(new Rejected(fileName, line, reason.column(), reason.value(), reason.getMessage()));
            } else if (earlier == null) {
                inserts.add(payment);
                loaded.put(payment.paymentId(), payment);
                loadedLines.add(line);
            } else if (earlier.equals(payment)) {
                alreadyLoaded.add(line);
            } else {
                String column = LoadedRows.firstDifference(earlier, payment).orElse("payment_id");
                rejected.add(new Rejected(fileName, line, "payment_id", payment.paymentId(), "duplicate payment_id"
                        + " with a different " + column + " than a payment loaded before"));
            }
        });
        if (!inserts.isEmpty()) {
            payments.insert(inserts);
        }
        rejected.sort(java.util.Comparator.comparingLong(Rejected::line));
        return new Outcome(loadedLines, alreadyLoaded, rejected);
    }

    private static Rejected rejected(Reject reject) {
        return new Rejected(reject.fileName(), reject.line(), reject.column(), reject.value(), reject.reason());
    }
}
