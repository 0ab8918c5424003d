package com.arcycle.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The public IBM accounts-receivable sample ({@code ../shared/data/ibm-ar-sample}, see its
 * SOURCE.md) read as an arcycle ledger, and written out as the ledger input files of
 * files-and-commands.md. The conversion is deterministic: the same sample always gives
 * byte-identical files (rows in the sample's order, customers in order of first appearance).
 *
 * <h2>Mapping</h2>
 * <ul>
 * <li><b>customers.csv</b>, one row per {@code customerID}:
 * <ul>
 * <li>{@code account_number} = {@code customerID} as given (e.g. {@code 0379-NEVHP});
 * {@code name} = {@code "IBM sample customer " + customerID}; {@code country} = the sample's
 * {@code countryCode} (a numeric code such as {@code 391}); no contact data.</li>
 * <li>{@code customer_since} = the customer's {@code PaperlessDate} minus {@value #YEARS_BEFORE_PAPERLESS}
 * years. Every customer is already invoiced in January 2012, so neither {@code PaperlessDate}
 * (2012-01-09 .. 2013-11-27) nor the first invoice date could ever make the 730-day tenure of
 * rule 4.1; read this way, "a customer for two years when it went paperless", the tenure holds on
 * a cycle date C roughly when the customer went paperless by C, which gives a mix that grows
 * from a handful of customers in early 2012 to about half of them in early 2013.</li>
 * <li>{@code late_fee_mode} from the four digits before the dash of {@code customerID} (n):
 * {@code n % 10} of 0 or 1 is {@code HABITUAL}, 2 is {@code NEVER}, anything else {@code ALWAYS}
 * (24 / 9 / 67 of the 100 customers).</li>
 * <li>{@code recurring_service} = {@code n % 3 == 0}.</li>
 * </ul>
 * </li>
 * <li><b>invoices.csv</b>: {@code invoice_number} = {@code invoiceNumber} as a string (up to 10
 * digits); {@code issue_date} = {@code InvoiceDate}, {@code due_date} = {@code DueDate} (the sample
 * uses 30-day terms throughout); {@code amount} = {@code InvoiceAmount} with 2 fraction digits
 * ({@code 94} becomes {@code 94.00}, {@code 55.9} becomes {@code 55.90}; more than 2 digits is
 * refused); {@code description} names the {@code PaperlessBill} channel.</li>
 * <li><b>payments.csv</b>: each invoice is settled by one payment for exactly its amount, sent
 * for that invoice and received on {@code SettledDate}; {@code payment_id} =
 * {@code "PAY-" + invoiceNumber}.</li>
 * <li><b>disputes.csv</b>: an invoice with {@code Disputed = Yes} gets one dispute, opened
 * {@value #DISPUTE_OPENED_AFTER_DAYS} days after its {@code InvoiceDate} (the customer queries the
 * invoice on receipt) and resolved on its {@code SettledDate} (it is paid once the query is
 * settled). Every disputed invoice of the sample settles 9 days or more after its invoice date,
 * so the dispute always lasts at least 2 days.</li>
 * <li><b>promises.csv</b> is not written: the sample has no promises to pay.</li>
 * </ul>
 * Reading checks the sample's own arithmetic ({@code DaysToSettle}, {@code DaysLate}) and that a
 * customer's {@code PaperlessDate} and {@code countryCode} are the same on all its rows, so a
 * damaged copy fails loudly instead of converting into something else.
 */
public final class IbmSampleLedger {

    /** The sample, relative to the shared folder ({@link SharedFiles}). */
    public static final String SAMPLE = "data/ibm-ar-sample/WA_Fn-UseC_-Accounts-Receivable.csv";

    public static final int YEARS_BEFORE_PAPERLESS = 2;
    public static final int DISPUTE_OPENED_AFTER_DAYS = 7;

    private static final DateTimeFormatter SAMPLE_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final CSVFormat SAMPLE_FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .get();
    private static final CSVFormat LEDGER_FORMAT = CSVFormat.RFC4180;

    /** A customer as loaded into customers.csv. */
    public record Customer(String accountNumber, String name, String country, LocalDate paperlessDate,
            LocalDate customerSince, String lateFeeMode, boolean recurringService) {
    }

    /** An invoice of the sample with what became of it: its payment and its dispute. */
    public record Invoice(String invoiceNumber, String accountNumber, LocalDate issueDate, LocalDate dueDate,
            BigDecimal amount, boolean disputed, LocalDate settledDate, String paperlessBill, int daysLate) {

        public String paymentId() {
            return "PAY-" + invoiceNumber;
        }

        /** Null when the invoice was not disputed. */
        public LocalDate disputeOpened() {
            return disputed ? issueDate.plusDays(DISPUTE_OPENED_AFTER_DAYS) : null;
        }

        /** Null when the invoice was not disputed. */
        public LocalDate disputeResolved() {
            return disputed ? settledDate : null;
        }

        /** Spec rule 1: opened_date <= D and (resolved_date empty or resolved_date > D). */
        public boolean inDisputeOn(LocalDate d) {
            return disputed && !disputeOpened().isAfter(d) && disputeResolved().isAfter(d);
        }

        /** Part of the ledger on D: issued on or before D. */
        public boolean issuedBy(LocalDate d) {
            return !issueDate.isAfter(d);
        }

        /** Issued by D and its payment not yet received on D. */
        public boolean openOn(LocalDate d) {
            return issuedBy(d) && settledDate.isAfter(d);
        }

        public long dpd(LocalDate d) {
            return ChronoUnit.DAYS.between(dueDate, d);
        }
    }

    private final List<Customer> customers;
    private final List<Invoice> invoices;

    private IbmSampleLedger(List<Customer> customers, List<Invoice> invoices) {
        this.customers = List.copyOf(customers);
        this.invoices = List.copyOf(invoices);
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Invoice> invoices() {
        return invoices;
    }

    public static IbmSampleLedger read(Path sample) throws IOException {
        Map<String, Customer> customers = new LinkedHashMap<>();
        List<Invoice> invoices = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(sample, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(SAMPLE_FORMAT).get()) {
            for (CSVRecord row : parser) {
                String where = sample.getFileName() + " line " + parser.getCurrentLineNumber();
                String id = row.get("customerID").strip();
                String country = row.get("countryCode").strip();
                LocalDate paperless = date(row.get("PaperlessDate"));
                Customer customer = customers.computeIfAbsent(id, k -> customer(k, country, paperless));
                if (!customer.country().equals(country) || !customer.paperlessDate().equals(paperless)) {
                    throw new IllegalStateException(where + ": customer " + id
                            + " has another countryCode or PaperlessDate than on its first row");
                }
                LocalDate issued = date(row.get("InvoiceDate"));
                LocalDate due = date(row.get("DueDate"));
                LocalDate settled = date(row.get("SettledDate"));
                int daysToSettle = Integer.parseInt(row.get("DaysToSettle").strip());
                int daysLate = Integer.parseInt(row.get("DaysLate").strip());
                if (ChronoUnit.DAYS.between(issued, settled) != daysToSettle
                        || Math.max(0, ChronoUnit.DAYS.between(due, settled)) != daysLate || due.isBefore(issued)) {
                    throw new IllegalStateException(where + ": dates do not agree with DaysToSettle/DaysLate");
                }
                String disputed = row.get("Disputed").strip();
                if (!disputed.equals("Yes") && !disputed.equals("No")) {
                    throw new IllegalStateException(where + ": Disputed is " + disputed);
                }
                Invoice invoice = new Invoice(row.get("invoiceNumber").strip(), id, issued, due,
                        amount(row.get("InvoiceAmount"), where), disputed.equals("Yes"), settled,
                        row.get("PaperlessBill").strip(), daysLate);
                if (invoice.disputed() && !invoice.disputeOpened().isBefore(invoice.disputeResolved())) {
                    throw new IllegalStateException(where + ": disputed invoice settled within "
                            + DISPUTE_OPENED_AFTER_DAYS + " days; the dispute mapping does not fit it");
                }
                invoices.add(invoice);
            }
        }
        return new IbmSampleLedger(new ArrayList<>(customers.values()), invoices);
    }

    private static Customer customer(String id, String country, LocalDate paperless) {
        int n = Integer.parseInt(id.substring(0, id.indexOf('-')));
        String mode = switch (n % 10) {
            case 0, 1 -> "HABITUAL";
            case 2 -> "NEVER";
            default -> "ALWAYS";
        };
        return new Customer(id, "IBM sample customer " + id, country, paperless,
                paperless.minusYears(YEARS_BEFORE_PAPERLESS), mode, n % 3 == 0);
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value.strip(), SAMPLE_DATE);
    }

    /** The sample's amount with exactly 2 fraction digits; never through binary floating point. */
    static BigDecimal amount(String value, String where) {
        BigDecimal amount = new BigDecimal(value.strip());
        if (amount.scale() > 2 || amount.signum() <= 0) {
            throw new IllegalStateException(where + ": InvoiceAmount " + value + " is not a positive amount in cents");
        }
        return amount.setScale(2);
    }

    /** Writes customers.csv, invoices.csv, payments.csv and disputes.csv into {@code folder}. */
    public void writeLedger(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (CSVPrinter out = printer(folder.resolve("customers.csv"), "account_number", "name", "country",
                "customer_since", "late_fee_mode", "recurring_service")) {
            for (Customer c : customers) {
                out.printRecord(c.accountNumber(), c.name(), c.country(), c.customerSince(), c.lateFeeMode(),
                        c.recurringService());
            }
        }
        try (CSVPrinter out = printer(folder.resolve("invoices.csv"), "invoice_number", "account_number",
                "issue_date", "due_date", "amount", "description")) {
            for (Invoice i : invoices) {
                out.printRecord(i.invoiceNumber(), i.accountNumber(), i.issueDate(), i.dueDate(),
                        i.amount().toPlainString(), "IBM sample invoice (" + i.paperlessBill() + " bill)");
            }
        }
        try (CSVPrinter out = printer(folder.resolve("payments.csv"), "payment_id", "account_number",
                "invoice_number", "received_date", "amount", "reference")) {
            for (Invoice i : invoices) {
                out.printRecord(i.paymentId(), i.accountNumber(), i.invoiceNumber(), i.settledDate(),
                        i.amount().toPlainString(), "settled " + i.daysLate() + " days late");
            }
        }
        try (CSVPrinter out = printer(folder.resolve("disputes.csv"), "invoice_number", "opened_date",
                "resolved_date", "reason")) {
            for (Invoice i : invoices) {
                if (i.disputed()) {
                    out.printRecord(i.invoiceNumber(), i.disputeOpened(), i.disputeResolved(),
                            "Disputed in the IBM sample");
                }
            }
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, LEDGER_FORMAT.builder().setHeader(header).get());
    }

    /** The invoices of one account, in the order of the sample. */
    public List<Invoice> invoicesOf(String accountNumber) {
        return invoices.stream().filter(i -> Objects.equals(i.accountNumber(), accountNumber)).toList();
    }

    /** The customers in account-number order (UTF-8 byte order; the ids are ASCII). */
    public List<Customer> customersByAccountNumber() {
        return customers.stream().sorted(Comparator.comparing(Customer::accountNumber)).toList();
    }
}
