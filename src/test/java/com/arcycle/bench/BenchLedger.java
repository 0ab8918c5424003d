package com.arcycle.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark's synthetic ledger, loaded straight into MySQL with LOAD DATA LOCAL INFILE.
 * Deterministic for a seed: {@code accounts} customers with {@code invoices} invoices issued
 * over the year before the cycle date (30-day terms), a year of payments (prompt, late, partial
 * and silent payers), disputes (2 % of invoices) and promises to pay (1 % of accounts).
 * Payments are always sent for an invoice and never exceed it, so an invoice's balance is its
 * amount less its payments: the SQL baseline can compute the same answer without replaying
 * FIFO credit.
 */
final class BenchLedger {

    record Counts(long customers, long invoices, long payments, long disputes, long promises) {
    }

    private BenchLedger() {
    }

    static Counts load(Connection connection, Path folder, int accounts, int invoices, LocalDate cycleDate,
            long seed) throws IOException, SQLException {
        Counts counts = write(folder, accounts, invoices, cycleDate, seed);
        loadFiles(connection, folder);
        return counts;
    }

    /** Writes the ledger as one tab-separated file per table ({@link #TABLES}, {@link #columns}), \N for null. */
    static Counts write(Path folder, int accounts, int invoices, LocalDate cycleDate, long seed) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate yearStart = cycleDate.minusDays(365);
        long payments = 0;
        long disputes = 0;
        long promises = 0;
        try (BufferedWriter customers = writer(folder, "customer.tsv");
                BufferedWriter invoiceFile = writer(folder, "invoice.tsv");
                BufferedWriter paymentFile = writer(folder, "payment.tsv");
                BufferedWriter disputeFile = writer(folder, "dispute.tsv");
                BufferedWriter promiseFile = writer(folder, "promise.tsv")) {
            long invoiceNumber = 0;
            for (int a = 0; a < accounts; a++) {
                String account = String.format("B%07d", a);
                LocalDate since = cycleDate.minusDays(200 + random.nextInt(3000));
                int modeDraw = random.nextInt(10);
                String mode = modeDraw < 8 ? "ALWAYS" : modeDraw == 8 ? "HABITUAL" : "NEVER";
                line(customers, account, "Customer " + a, "ap" + a + "@example.com", "Springfield", since.toString(),
                        mode, random.nextInt(5) == 0 ? "1" : "0");
                // Invoices are spread evenly: the first accounts get one more when it does not divide.
                int count = invoices / accounts + (a < invoices % accounts ? 1 : 0);
                int behaviour = random.nextInt(20); // 0-13 prompt, 14-17 late, 18 partial, 19 silent
                for (int i = 0; i < count; i++) {
                    String number = "N" + (++invoiceNumber);
                    LocalDate issued = yearStart.plusDays((long) i * 365 / Math.max(count, 1) + random.nextInt(20));
                    if (issued.isAfter(cycleDate)) {
                        issued = cycleDate;
                    }
                    LocalDate due = issued.plusDays(30);
                    BigDecimal amount = BigDecimal.valueOf(2000 + random.nextInt(500000), 2);
                    line(invoiceFile, number, account, issued.toString(), due.toString(), amount.toPlainString());
                    if (random.nextInt(50) == 0) {
                        disputes++;
                        LocalDate opened = issued.plusDays(3 + random.nextInt(20));
                        LocalDate resolved = random.nextBoolean() ? opened.plusDays(10 + random.nextInt(60)) : null;
                        line(disputeFile, number, opened.toString(), resolved == null ? "\\N" : resolved.toString());
                    }
                    LocalDate paid = switch (behaviour) {
                        case 14, 15, 16, 17 -> due.plusDays(11 + random.nextInt(60));
                        case 18, 19 -> null;
                        default -> due.minusDays(random.nextInt(20));
                    };
                    if (behaviour == 18 && random.nextBoolean()) {
                        payments++;
                        line(paymentFile, "Q" + payments, account, number, due.plusDays(random.nextInt(30)).toString(),
                                amount.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN).toPlainString());
                    } else if (paid != null) {
                        payments++;
                        line(paymentFile, "Q" + payments, account, number, paid.toString(), amount.toPlainString());
                    }
                }
                if (random.nextInt(100) == 0) {
                    promises++;
                    line(promiseFile, account, cycleDate.minusDays(20).toString(), cycleDate.plusDays(10).toString(),
                            BigDecimal.valueOf(10000 + random.nextInt(100000), 2).toPlainString());
                }
            }
        }
        return new Counts(accounts, invoices, payments, disputes, promises);
    }

    static final List<String> TABLES = List.of("customer", "invoice", "payment", "dispute", "promise");

    /** Loads the files {@link #write} wrote, one LOAD DATA LOCAL INFILE per table (on H2: CSVREAD, H2Bench). */
    static void loadFiles(Connection connection, Path folder) throws SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                Path file = folder.resolve(table + ".tsv").toAbsolutePath();
                List<String> names = columns(table);
                statement.execute(h2 // CSVREAD's columns by its (upper-case) names; \N is NULL
                        ? "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
                                + String.join(", ", names.stream().map(n -> "NULLIF(" + n + ", '\\N')").toList())
                                + " FROM CSVREAD('" + file + "', '" + String.join("\t", names).toUpperCase(Locale.ROOT)
                                + "', 'charset=UTF-8 fieldSeparator=\t fieldDelimiter=')"
                        : "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + table + " (" + String.join(", ", names)
                                + ")");
            }
        }
    }

    /** The columns of a table's file, in order. */
    static List<String> columns(String table) {
        return switch (table) {
            case "customer" -> List.of("account_number", "name", "email", "city", "customer_since", "late_fee_mode",
                    "recurring_service");
            case "invoice" -> List.of("invoice_number", "account_number", "issue_date", "due_date", "amount");
            case "payment" -> List.of("payment_id", "account_number", "invoice_number", "received_date", "amount");
            case "dispute" -> List.of("invoice_number", "opened_date", "resolved_date");
            default -> List.of("account_number", "created_date", "promised_date", "amount");
        };
    }

    static BufferedWriter writer(Path folder, String file) throws IOException {
        return Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
    }

    static void line(BufferedWriter out, String... values) throws IOException {
        out.write(String.join("\t", values));
        out.write('\n');
    }
}
