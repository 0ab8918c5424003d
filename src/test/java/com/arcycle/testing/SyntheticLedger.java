package com.arcycle.testing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A deterministic ledger of many accounts with every kind of behaviour the rules know: prompt,
 * late, partial and silent payers, overpayments, payments for no invoice, disputes (open and
 * resolved), promises (kept and broken), the three fee modes and recurring services. Invoices
 * run from October 2025 to March 2026, for cycles from 2026-01-31 on.
 */
public final class SyntheticLedger {

    private SyntheticLedger() {
    }

    public static void write(Path folder, int accounts, long seed) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(seed);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        try (CSVPrinter customers = printer(folder, "customers.csv", format, "account_number", "name", "email",
                "city", "customer_since", "late_fee_mode", "recurring_service");
                CSVPrinter invoices = printer(folder, "invoices.csv", format, "invoice_number", "account_number",
                        "issue_date", "due_date", "amount");
                CSVPrinter payments = printer(folder, "payments.csv", format, "payment_id", "account_number",
                        "invoice_number", "received_date", "amount");
                CSVPrinter disputes = printer(folder, "disputes.csv", format, "invoice_number", "opened_date",
                        "resolved_date");
                CSVPrinter promises = printer(folder, "promises.csv", format, "account_number", "created_date",
                        "promised_date", "amount")) {
            int paymentNumber = 0;
            for (int a = 1; a <= accounts; a++) {
                String account = String.format("C%05d", a);
                LocalDate since = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2500));
                String mode = List.of("ALWAYS", "ALWAYS", "ALWAYS", "HABITUAL", "NEVER", "").get(random.nextInt(6));
                customers.printRecord(account, "Customer " + a, "ap" + a + "@example.com", "Springfield", since,
                        mode, random.nextInt(10) < 3);
                // 0 prompt, 1 late, 2 partial, 3 silent, 4 overpays, 5 pays on account
                int behaviour = random.nextInt(6);
                int count = 1 + random.nextInt(4);
                BigDecimal promised = null;
                for (int i = 0; i < count; i++) {
                    String invoice = account + "-" + (i + 1);
                    LocalDate issued = LocalDate.of(2025, 10, 1).plusDays(30L * i + random.nextInt(20));
                    LocalDate due = issued.plusDays(30);
                    BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(400000), 2);
                    invoices.printRecord(invoice, account, issued, due, amount);
                    if (random.nextInt(20) == 0) {
                        disputes.printRecord(invoice, issued.plusDays(5),
                                random.nextBoolean() ? issued.plusDays(45 + random.nextInt(60)) : "");
                    }
                    switch (behaviour) {
                        case 0 -> payments.printRecord("PAY" + ++paymentNumber, account, invoice,
                                due.minusDays(random.nextInt(10)), amount);
                        case 1 -> payments.printRecord("PAY" + ++paymentNumber, account, invoice,
                                due.plusDays(15 + random.nextInt(80)), amount);
                        case 2 -> payments.printRecord("PAY" + ++paymentNumber, account, invoice,
                                due.plusDays(random.nextInt(40)), half(amount));
                        case 4 -> payments.printRecord("PAY" + ++paymentNumber, account, invoice,
                                due.minusDays(3), amount.add(BigDecimal.valueOf(random.nextInt(5000), 2)));
                        case 5 -> payments.printRecord("PAY" + ++paymentNumber, account, "",
                                due.plusDays(random.nextInt(60)), half(amount));
                        default -> promised = promised == null ? half(amount) : promised;
                    }
                }
                if (promised != null && random.nextInt(3) == 0) {
                    promises.printRecord(account, "2026-02-05", "2026-03-15", promised);
                    if (random.nextBoolean()) {
                        payments.printRecord("PAY" + ++paymentNumber, account, "", "2026-03-10", promised);
                    }
                }
            }
        }
    }

    private static BigDecimal half(BigDecimal amount) {
        return amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static CSVPrinter printer(Path folder, String file, CSVFormat format, String... header)
            throws IOException {
        Writer writer = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printRecord((Object[]) header);
        return printer;
    }
}
