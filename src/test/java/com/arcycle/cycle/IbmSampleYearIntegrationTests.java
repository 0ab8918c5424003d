package com.arcycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import com.arcycle.cycle.IbmSampleExpectedCycles.Aged;
import com.arcycle.cycle.IbmSampleExpectedCycles.Dunning;
import com.arcycle.operations.CommandRunner;
import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.IbmSampleLedger;
import com.arcycle.testing.IbmSampleLedger.Invoice;
import com.arcycle.testing.SharedFiles;

/**
 * A year of monthly statement cycles over the public IBM accounts-receivable sample (100
 * customers, 2,466 invoices; mapping in {@link IbmSampleLedger}), run as a user would: the
 * converted ledger is imported, then twelve cycles 30 days apart from 2012-03-01. After every
 * cycle the books must hold together the way a bookkeeper checks them, with every expected
 * figure computed here from the database's raw rows or from the sample itself, never by the
 * production rule classes:
 * <ul>
 * <li>money is conserved: payments received equal what was applied to items plus unapplied credit;
 * no item has a negative balance;</li>
 * <li>the aged receivables add up to the open balances, in total and per account;</li>
 * <li>late fees never pass the 20 % cap of their invoice, are never charged on an invoice in
 * dispute, only past the 10 grace days, on the invoice's balance, and fees.csv lists exactly the
 * fee items the cycle made;</li>
 * <li>the export files have as many rows as the database has records for them;</li>
 * <li>and the cycle's figures (fees, dunning stages, aged buckets) equal those the spec's rules
 * give for the sample ({@link IbmSampleExpectedCycles}).</li>
 * </ul>
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class IbmSampleYearIntegrationTests {

    static final LocalDate FIRST_CYCLE = LocalDate.of(2012, 3, 1);
    static final int CYCLES = 12;
    static final int DAYS_BETWEEN_CYCLES = 30;

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Autowired
    CommandRunner commands;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path work;

    record Item(String itemId, String type, String accountNumber, String invoiceNumber, LocalDate issueDate,
            LocalDate dueDate, BigDecimal amount, BigDecimal balance, LocalDate paidOffDate, LocalDate writtenOffDate,
            LocalDate postedCycle, BigDecimal feeBasis) {

        boolean open() {
            return balance.signum() > 0 && writtenOffDate == null;
        }
    }

    record DisputeRow(String invoiceNumber, LocalDate opened, LocalDate resolved) {

        boolean covers(LocalDate d) {
            return !opened.isAfter(d) && (resolved == null || resolved.isAfter(d));
        }
    }

    /** What the year did, for the final check that the run was not vacuous. */
    static final class Year {
        int fees;
        BigDecimal feeTotal = ZERO;
        int cappedFees;
        Map<String, Integer> stages = new TreeMap<>();
        int goodStandingRows;
        int goodStandingRelief;
        int inDisputeRows;
        int habitualFees;
    }

    int run(String... args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = commands.execute(args, new PrintStream(console, true, StandardCharsets.UTF_8));
        System.out.print(console.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void aYearOfCyclesOverTheIbmSampleKeepsTheBooksStraight() throws Exception {
        long started = System.nanoTime();
        IbmSampleLedger sample = IbmSampleLedger.read(SharedFiles.path(IbmSampleLedger.SAMPLE));
        assertThat(sample.customers()).hasSize(100);
        assertThat(sample.invoices()).hasSize(2466);
        Path ledger = work.resolve("ledger");
        Path out = work.resolve("out");
        sample.writeLedger(ledger);

        assertThat(run("import-ledger", "--dir", ledger.toString(), "--out", out.toString()))
                .as("import-ledger exit code (see %s)", out.resolve("import-rejects.csv")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM invoice")).isEqualTo(2466);
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(2466);
        assertThat(count("SELECT COUNT(*) FROM dispute"))
                .isEqualTo(sample.invoices().stream().filter(Invoice::disputed).count());
        System.out.printf("[ibm-sample] converted and imported in %d ms%n", millisSince(started));

        IbmSampleExpectedCycles expected = new IbmSampleExpectedCycles(sample);
        Year year = new Year();
        for (int n = 0; n < CYCLES; n++) {
            LocalDate c = FIRST_CYCLE.plusDays((long) n * DAYS_BETWEEN_CYCLES);
            long cycleStarted = System.nanoTime();
            assertThat(run("run-cycle", "--cycle-date", c.toString(), "--out", out.toString()))
                    .as("run-cycle %s exit code", c).isZero();
            long cycleMillis = millisSince(cycleStarted);
            Path folder = out.resolve(c.toString());
            SoftAssertions softly = new SoftAssertions();
            checkInvariants(softly, c, folder, year);
            checkAgainstTheSample(softly, c, folder, expected.next(c), sample, year);
            softly.assertAll();
            System.out.printf("[ibm-sample] cycle %s: %d ms, checked%n", c, cycleMillis);
        }

        System.out.printf("[ibm-sample] year: %d fees (%s, %d cut by the cap, %d on HABITUAL accounts),"
                + " account-cycles by stage %s, %d good-standing account-cycles (%d past due but kept at NONE),"
                + " %d aged rows with disputes; %d ms in all%n", year.fees, year.feeTotal, year.cappedFees,
                year.habitualFees, year.stages, year.goodStandingRows, year.goodStandingRelief, year.inDisputeRows,
                millisSince(started));
        // The run is not vacuous: fees were charged (some cut by the cap, some under HABITUAL), accounts
        // were dunned, good standing and disputes both played a part. (The sample is never more than 45
        // days late and most late invoices are disputed, so no account gets past REMINDER: PAST_DUE
        // needs 31 days past due on two cycles in a row, outside dispute.)
        assertThat(year.fees).as("late fees over the year").isPositive();
        assertThat(year.habitualFees).as("late fees on HABITUAL accounts").isPositive();
        assertThat(year.stages.getOrDefault("REMINDER", 0)).as("account-cycles at REMINDER").isPositive();
        assertThat(year.cappedFees).as("late fees cut by the 20 %% cap").isPositive();
        assertThat(year.goodStandingRelief).as("account-cycles kept at NONE by the good-standing extra days")
                .isPositive();
        assertThat(year.goodStandingRows).as("account-cycles in good standing").isPositive();
        assertThat(year.inDisputeRows).as("aged rows with an amount in dispute").isPositive();
    }

    // ---------------------------------------------------------------------------------------------
    // Invariants: from the database's rows and the cycle's files alone.

    void checkInvariants(SoftAssertions softly, LocalDate c, Path folder, Year year) throws IOException {
        List<Item> items = items();
        Map<String, Item> itemById = items.stream().collect(Collectors.toMap(Item::itemId, Function.identity()));
        Map<String, BigDecimal> credit = new HashMap<>();
        jdbc.sql("SELECT account_number, unapplied_credit FROM account_state")
                .query((rs, n) -> credit.put(rs.getString(1), rs.getBigDecimal(2).setScale(2))).list();
        Map<String, BigDecimal> invoiceAmount = new HashMap<>();
        Map<String, LocalDate> invoiceDue = new HashMap<>();
        jdbc.sql("SELECT invoice_number, amount, due_date FROM invoice").query((rs, n) -> {
            invoiceAmount.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
            return invoiceDue.put(rs.getString(1), rs.getObject(3, LocalDate.class));
        }).list();
        List<DisputeRow> disputes = jdbc.sql("SELECT invoice_number, opened_date, resolved_date FROM dispute")
                .query((rs, n) -> new DisputeRow(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .list();

        // No negative balance, no negative credit; money in = money applied + credit.
        for (Item item : items) {
            softly.assertThat(item.balance()).as("%s: balance of %s", c, item.itemId()).isGreaterThanOrEqualTo(ZERO);
            softly.assertThat(item.balance()).as("%s: balance of %s within its amount", c, item.itemId())
                    .isLessThanOrEqualTo(item.amount());
        }
        credit.forEach((account, amount) -> softly.assertThat(amount)
                .as("%s: unapplied credit of %s", c, account).isGreaterThanOrEqualTo(ZERO));
        BigDecimal received = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE received_date <= ?")
                .param(c).query(BigDecimal.class).single().setScale(2);
        BigDecimal applied = sum(items, i -> i.amount().subtract(i.balance()));
        softly.assertThat(applied.add(sum(credit.values())))
                .as("%s: payments received by the cycle date (%s) = applied to items + unapplied credit", c, received)
                .isEqualByComparingTo(received);

        // Aged receivables = open balances, in total and per account.
        Map<String, BigDecimal> openByAccount = new TreeMap<>();
        for (Item item : items) {
            if (item.open()) {
                openByAccount.merge(item.accountNumber(), item.balance(), BigDecimal::add);
            }
        }
        List<CSVRecord> aged = csv(folder.resolve("aged-receivables.csv"));
        BigDecimal agedTotal = ZERO;
        Map<String, CSVRecord> agedByAccount = new TreeMap<>();
        for (CSVRecord row : aged) {
            String account = row.get("account_number");
            agedByAccount.put(account, row);
            agedTotal = agedTotal.add(money(row.get("total")));
            BigDecimal buckets = ZERO;
            for (String bucket : List.of("current", "d1_30", "d31_60", "d61_90", "d91_120", "d121_plus")) {
                buckets = buckets.add(money(row.get(bucket)));
            }
            BigDecimal open = openByAccount.getOrDefault(account, ZERO);
            BigDecimal accountCredit = credit.getOrDefault(account, ZERO);
            softly.assertThat(buckets).as("%s: %s aged buckets = open balance", c, account).isEqualByComparingTo(open);
            softly.assertThat(money(row.get("unapplied_credit")))
                    .as("%s: %s aged unapplied_credit", c, account).isEqualByComparingTo(accountCredit);
            softly.assertThat(money(row.get("total"))).as("%s: %s aged total = open balance - credit", c, account)
                    .isEqualByComparingTo(open.subtract(accountCredit));
            if (money(row.get("in_dispute")).signum() > 0) {
                year.inDisputeRows++;
            }
        }
        List<String> accountsToAge = new ArrayList<>(openByAccount.keySet());
        credit.forEach((account, amount) -> {
            if (amount.signum() > 0 && !accountsToAge.contains(account)) {
                accountsToAge.add(account);
            }
        });
        softly.assertThat(agedByAccount.keySet()).as("%s: accounts in aged-receivables.csv", c)
                .containsExactlyInAnyOrderElementsOf(accountsToAge);
        BigDecimal openTotal = sum(items.stream().filter(Item::open).toList(), Item::balance);
        softly.assertThat(agedTotal).as("%s: sum of aged totals = open balances - unapplied credit", c)
                .isEqualByComparingTo(openTotal.subtract(sum(credit.values())));

        // Fees: the cap, disputes, the grace days, the basis, and fees.csv.
        Map<String, BigDecimal> feesByInvoice = new HashMap<>();
        for (Item item : items) {
            if (item.type().equals("FEE")) {
                feesByInvoice.merge(item.invoiceNumber(), item.amount(), BigDecimal::add);
            }
        }
        feesByInvoice.forEach((invoice, fees) -> {
            BigDecimal cap = invoiceAmount.get(invoice).multiply(new BigDecimal("0.20")).setScale(2,
                    RoundingMode.HALF_UP);
            softly.assertThat(fees).as("%s: fees on invoice %s (amount %s) within the 20%% cap %s", c, invoice,
                    invoiceAmount.get(invoice), cap).isLessThanOrEqualTo(cap);
        });
        List<Item> newFees = items.stream().filter(i -> i.type().equals("FEE") && c.equals(i.postedCycle())).toList();
        String feeSuffix = "-" + DateTimeFormatter.BASIC_ISO_DATE.format(c);
        for (Item fee : newFees) {
            String invoice = fee.invoiceNumber();
            softly.assertThat(fee.itemId()).as("%s: fee id", c).isEqualTo("LF-" + invoice + feeSuffix);
            softly.assertThat(List.of(fee.issueDate(), fee.dueDate())).as("%s: %s issue and due date", c, fee.itemId())
                    .containsOnly(c);
            softly.assertThat(disputes.stream().filter(d -> d.invoiceNumber().equals(invoice) && d.covers(c)).toList())
                    .as("%s: fee %s on invoice %s, which must not be in dispute on the cycle date", c, fee.itemId(),
                            invoice)
                    .isEmpty();
            long dpd = ChronoUnit.DAYS.between(invoiceDue.get(invoice), c);
            softly.assertThat(dpd).as("%s: DPD of invoice %s charged %s", c, invoice, fee.itemId()).isGreaterThan(10);
            Item charged = itemById.get(invoice);
            softly.assertThat(charged).as("%s: invoice %s of fee %s in the ledger", c, invoice, fee.itemId())
                    .isNotNull();
            if (charged != null) {
                softly.assertThat(charged.accountNumber()).as("%s: account of %s", c, fee.itemId())
                        .isEqualTo(fee.accountNumber());
                softly.assertThat(fee.feeBasis()).as("%s: basis of %s = balance of invoice %s", c, fee.itemId(),
                        invoice).isEqualByComparingTo(charged.balance());
                softly.assertThat(charged.open()).as("%s: invoice %s open when charged", c, invoice).isTrue();
            }
            year.fees++;
            year.feeTotal = year.feeTotal.add(fee.amount());
        }
        List<CSVRecord> feesFile = csv(folder.resolve("fees.csv"));
        softly.assertThat(feesFile.size()).as("%s: fees.csv rows = fee items made by the cycle", c)
                .isEqualTo(newFees.size());
        softly.assertThat(sum(feesFile, r -> money(r.get("amount")))).as("%s: fees.csv total", c)
                .isEqualByComparingTo(sum(newFees, Item::amount));
        softly.assertThat(feesFile.stream().map(r -> r.get("fee_id")).toList()).as("%s: fees.csv fee ids", c)
                .containsExactlyInAnyOrderElementsOf(newFees.stream().map(Item::itemId).toList());

        // Export files have as many rows as the database has records.
        softly.assertThat(aged.size()).as("%s: aged-receivables.csv rows", c)
                .isEqualTo(count("SELECT COUNT(*) FROM aged_balance WHERE cycle_date = ?", c));
        softly.assertThat(csv(folder.resolve("dunning.csv")).size()).as("%s: dunning.csv rows", c)
                .isEqualTo(count("SELECT COUNT(*) FROM account_cycle WHERE cycle_date = ? AND referred_earlier = FALSE"
                        + " AND (stage <> 'NONE' OR previous_stage <> 'NONE')", c));
        softly.assertThat(csv(folder.resolve("write-off.csv")).size()).as("%s: write-off.csv rows", c)
                .isEqualTo(count("SELECT COUNT(*) FROM ledger_item WHERE written_off_date = ?", c));
        softly.assertThat(csv(folder.resolve("collections-referral.csv")).size())
                .as("%s: collections-referral.csv rows", c)
                .isEqualTo(count("SELECT COUNT(*) FROM referral WHERE cycle_date = ?", c));
        softly.assertThat(csv(folder.resolve("service-suspension.csv")).size()).as("%s: service-suspension.csv rows", c)
                .isEqualTo(count("SELECT COUNT(*) FROM collection_decision WHERE cycle_date = ? AND suspend = TRUE", c));

        jdbc.sql("SELECT stage, good_standing, max_dpd FROM account_cycle WHERE cycle_date = ?").param(c)
                .query((rs, n) -> {
                    year.stages.merge(rs.getString(1), 1, Integer::sum);
                    if (rs.getBoolean(2)) {
                        year.goodStandingRows++;
                        Integer maxDpd = rs.getObject(3, Integer.class);
                        if (maxDpd != null && maxDpd > 0 && "NONE".equals(rs.getString(1))) {
                            year.goodStandingRelief++;
                        }
                    }
                    return n;
                }).list();
    }

    // ---------------------------------------------------------------------------------------------
    // The figures the spec's rules give for the sample.

    void checkAgainstTheSample(SoftAssertions softly, LocalDate c, Path folder, IbmSampleExpectedCycles.Cycle want,
            IbmSampleLedger sample, Year year) throws IOException {
        // The ledger took in exactly the invoices issued by C, each paid off on its settled date.
        Map<String, Item> invoices = items().stream().filter(i -> i.type().equals("INVOICE"))
                .collect(Collectors.toMap(Item::itemId, Function.identity()));
        List<Invoice> issued = sample.invoices().stream().filter(i -> i.issuedBy(c)).toList();
        softly.assertThat(invoices.keySet()).as("%s: invoices in the ledger", c)
                .containsExactlyInAnyOrderElementsOf(issued.stream().map(Invoice::invoiceNumber).toList());
        for (Invoice invoice : issued) {
            Item item = invoices.get(invoice.invoiceNumber());
            if (item == null) {
                continue;
            }
            softly.assertThat(item.balance()).as("%s: balance of invoice %s (settled %s)", c, invoice.invoiceNumber(),
                    invoice.settledDate()).isEqualByComparingTo(invoice.openOn(c) ? invoice.amount() : ZERO);
            softly.assertThat(item.paidOffDate()).as("%s: paid-off date of invoice %s", c, invoice.invoiceNumber())
                    .isEqualTo(invoice.openOn(c) ? null : invoice.settledDate());
        }

        // fees.csv
        List<String> feeRows = csv(folder.resolve("fees.csv")).stream()
                .map(r -> String.join(",", r.get("fee_id"), r.get("account_number"), r.get("invoice_number"),
                        r.get("basis"), r.get("amount")))
                .toList();
        List<String> wantFees = want.fees().stream()
                .map(f -> String.join(",", f.feeId(), f.accountNumber(), f.invoiceNumber(), text(f.basis()),
                        text(f.amount())))
                .toList();
        softly.assertThat(feeRows).as("%s: fees.csv (fee_id,account,invoice,basis,amount)", c)
                .containsExactlyElementsOf(wantFees);
        Map<String, String> modes = sample.customers().stream()
                .collect(Collectors.toMap(IbmSampleLedger.Customer::accountNumber,
                        IbmSampleLedger.Customer::lateFeeMode));
        for (CSVRecord fee : csv(folder.resolve("fees.csv"))) {
            if ("HABITUAL".equals(modes.get(fee.get("account_number")))) {
                year.habitualFees++;
            }
            BigDecimal uncut = new BigDecimal("2.00")
                    .max(money(fee.get("basis")).multiply(new BigDecimal("0.015")).setScale(2, RoundingMode.HALF_UP));
            if (money(fee.get("amount")).compareTo(uncut) < 0) {
                year.cappedFees++;
            }
        }

        // dunning.csv
        List<String> dunningRows = csv(folder.resolve("dunning.csv")).stream()
                .map(r -> String.join(",", r.get("account_number"), r.get("previous_stage"), r.get("stage"),
                        r.get("max_dpd"), r.get("past_due_total"), r.get("good_standing"), r.get("promise"),
                        r.get("action")))
                .toList();
        List<String> wantDunning = want.dunningFile().stream()
                .map(d -> String.join(",", d.accountNumber(), d.previousStage(), d.stage(),
                        d.maxDpd() == null ? "" : d.maxDpd().toString(), text(d.pastDueTotal()),
                        Boolean.toString(d.goodStanding()), "", d.action()))
                .toList();
        softly.assertThat(dunningRows)
                .as("%s: dunning.csv (account,previous_stage,stage,max_dpd,past_due_total,good_standing,promise,action)",
                        c)
                .containsExactlyElementsOf(wantDunning);
        Map<String, Integer> latePaid = new HashMap<>();
        jdbc.sql("SELECT account_number, late_paid_count FROM account_cycle WHERE cycle_date = ?").param(c)
                .query((rs, n) -> latePaid.put(rs.getString(1), rs.getInt(2))).list();
        softly.assertThat(latePaid).as("%s: late_paid_count of the accounts of the cycle", c)
                .isEqualTo(want.dunning().stream()
                        .collect(Collectors.toMap(Dunning::accountNumber, Dunning::latePaidCount)));

        // aged-receivables.csv
        List<String> agedRows = csv(folder.resolve("aged-receivables.csv")).stream()
                .map(r -> String.join(",", r.get("account_number"), r.get("name"), r.get("current"), r.get("d1_30"),
                        r.get("d31_60"), r.get("d61_90"), r.get("d91_120"), r.get("d121_plus"), r.get("in_dispute"),
                        r.get("unapplied_credit"), r.get("total"), r.get("stage")))
                .toList();
        List<String> wantAged = new ArrayList<>();
        for (Aged a : want.aged()) {
            List<String> values = new ArrayList<>(List.of(a.accountNumber(), a.name()));
            for (BigDecimal b : a.buckets()) {
                values.add(text(b));
            }
            values.addAll(List.of(text(a.inDispute()), text(a.unappliedCredit()), text(a.total()), a.stage()));
            wantAged.add(String.join(",", values));
        }
        softly.assertThat(agedRows).as("%s: aged-receivables.csv (account,name,current,d1_30,...,total,stage)", c)
                .containsExactlyElementsOf(wantAged);

        // Nothing reaches a write-off, a referral or a suspension in this sample.
        softly.assertThat(csv(folder.resolve("write-off.csv"))).as("%s: write-off.csv", c).isEmpty();
        softly.assertThat(csv(folder.resolve("collections-referral.csv"))).as("%s: collections-referral.csv", c)
                .isEmpty();
        softly.assertThat(csv(folder.resolve("service-suspension.csv"))).as("%s: service-suspension.csv", c)
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    List<Item> items() {
        return jdbc.sql("""
                SELECT item_id, item_type, account_number, invoice_number, issue_date, due_date, amount, balance,
                       paid_off_date, written_off_date, posted_cycle, fee_basis
                FROM ledger_item
                """).query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7).setScale(2),
                rs.getBigDecimal(8).setScale(2), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getObject(11, LocalDate.class), rs.getBigDecimal(12))).list();
    }

    int count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object param : params) {
            spec = spec.param(param);
        }
        return spec.query(Integer.class).single();
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        assertThat(file).as("output file").exists();
        return CsvFiles.rows(file);
    }

    static BigDecimal money(String text) {
        return new BigDecimal(text).setScale(2);
    }

    static String text(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    static <T> BigDecimal sum(Collection<T> rows, Function<T, BigDecimal> amount) {
        BigDecimal total = ZERO;
        for (T row : rows) {
            total = total.add(amount.apply(row));
        }
        return total;
    }

    static BigDecimal sum(Collection<BigDecimal> amounts) {
        return sum(amounts, Function.identity());
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
