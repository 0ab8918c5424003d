package com.arcycle.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.arcycle.calls.CallList;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.statements.StatementRenderer;
import com.arcycle.summary.CycleSummaryRenderer;
import com.arcycle.totals.CycleTotals;
import com.arcycle.totals.LedgerTotals;
import com.arcycle.domain.Money;
import com.arcycle.mail.OutboxQueries;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * manifest.json: what the AR firm checks before loading a cycle's files. For every file its
 * SHA-256 and size; for the CSV files their record count and control total (the sum of their
 * amount column), read back from the published file; the cycle date, the policy used and the
 * ledger's totals. Nothing in it depends on when it was written, so a rerun writes the same bytes.
 */
final class CycleManifest {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The cycle's documents besides the statements, listed when the cycle made them. */
    static final List<String> DOCUMENTS = List.of(CycleSummaryRenderer.FILE, StatementRenderer.PRINT_FILE,
            CallList.SHEET);

    private CycleManifest() {
    }

    /**
     * @param cycle the cycle's totals; {@code ledger} the ledger's after it
     * @param recordedSha256 SHA-256 of the statements by file name, as the statement step recorded
     *     them from the bytes it wrote (hashing tens of thousands of PDFs again is the slow part)
     * @param documentsSha256 the documents' ({@link #documentsSha256}), asked for once the CSV files
     *     are counted, so that they can be hashed on another thread meanwhile
     */
    static String write(CycleTotals cycle, LocalDate previousCycleDate, LedgerTotals ledger, CollectionPolicy policy,
            Path folder, Map<String, String> recordedSha256, DocumentHashes documentsSha256,
            OutboxQueries.Counts delivery) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("cycle_date", cycle.cycleDate().toString());
        root.put("previous_cycle_date", previousCycleDate == null ? null : previousCycleDate.toString());
        root.put("currency", policy.currency());
        root.set("policy", policy(policy));
        ObjectNode totals = root.putObject("ledger_totals");
        totals.put("accounts", ledger.accounts());
        totals.put("accounts_aged", cycle.accountsAged());
        totals.put("open_items", ledger.openItems());
        totals.put("open_balance", ledger.openBalance());
        totals.put("unapplied_credit", ledger.unappliedCredit());
        totals.put("in_dispute", cycle.aging().inDispute());
        totals.put("net_receivable", cycle.aging().total());
        totals.put("payments_received", cycle.paymentsReceived());
        totals.put("fees_assessed", cycle.fees().amount());
        totals.put("written_off", cycle.writeOffs().amount());
        totals.put("referred_to_collections", cycle.referrals().amount());
        // How the statements went (docs/mail.md): emailed, posted (statements-print.pdf), refused for good.
        ObjectNode statements = root.putObject("statement_delivery");
        statements.put("statements", delivery.statements());
        statements.put("emailed", delivery.emailed());
        statements.put("posted", delivery.posted());
        statements.put("failed", delivery.failed());
        ArrayNode files = root.putArray("files");
        for (CsvExport export : CycleExports.ALL) {
            Path file = folder.resolve(export.fileName());
            ObjectNode entry = files.addObject();
            entry.put("name", export.fileName());
            CsvFacts facts = csvFacts(file, export.controlColumn());
            entry.put("records", facts.records());
            if (export.controlColumn() != null) {
                entry.put("control_column", export.controlColumn());
                entry.put("control_total", facts.controlTotal());
            }
            entry.put("bytes", Files.size(file));
            entry.put("sha256", sha256(file));
        }
        // Documents of the cycle (statements as recorded, print file, summary), in name order: what
        // the cycle made, not whatever else the folder may hold.
        Map<String, String> documentSha256 = documentsSha256.get();
        java.util.SortedSet<String> documents = new java.util.TreeSet<>(recordedSha256.keySet());
        documents.addAll(documentSha256.keySet());
        for (String name : documents) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException("the statement " + name + " recorded by this cycle is missing from " + folder);
            }
            ObjectNode entry = files.addObject();
            entry.put("name", name);
            entry.put("bytes", Files.size(file));
            String recorded = recordedSha256.get(name);
            entry.put("sha256", recorded != null ? recorded : documentSha256.get(name));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * SHA-256 of the cycle's documents besides the statements that are in the folder, by name. The
     * print file holds every paper statement (a gigabyte at 25,000 statements), so the manifest step
     * hashes these on a thread of their own while it reads the totals and the CSV files.
     */
    static Map<String, String> documentsSha256(Path folder) throws IOException {
        Map<String, String> sha256 = new java.util.HashMap<>();
        for (String document : DOCUMENTS) {
            Path file = folder.resolve(document);
            if (Files.isRegularFile(file)) {
                sha256.put(document, sha256(file));
            }
        }
        return sha256;
    }

    /** The documents' SHA-256 by name ({@link #documentsSha256}), however they were computed. */
    @FunctionalInterface
    interface DocumentHashes {
        Map<String, String> get() throws IOException;
    }

    private static ObjectNode policy(CollectionPolicy policy) {
        ObjectNode node = JSON.createObjectNode();
        node.put("grace-days", policy.graceDays());
        node.put("monthly-rate", policy.monthlyRate());
        node.put("min-fee", policy.minFee());
        node.put("max-fee-percent", policy.maxFeePercent());
        node.put("habitual-late-count", policy.habitualLateCount());
        node.put("good-standing-extra-days", policy.goodStandingExtraDays());
        node.put("reminder-days", policy.reminderDays());
        node.put("past-due-days", policy.pastDueDays());
        node.put("final-demand-days", policy.finalDemandDays());
        node.put("collections-days", policy.collectionsDays());
        node.put("write-off-threshold", policy.writeOffThreshold());
        node.put("write-off-days", policy.writeOffDays());
        node.put("small-claims-limit", policy.smallClaimsLimit());
        node.put("min-cycle-gap-days", policy.minCycleGapDays());
        ArrayNode edges = node.putArray("aging-bucket-edges");
        policy.agingBucketEdges().forEach(edges::add);
        node.put("currency", policy.currency());
        node.put("default-late-fee-mode", policy.defaultLateFeeMode().name());
        node.put("call-new-customer-days", policy.callNewCustomerDays());
        node.put("call-new-customer-amount", policy.callNewCustomerAmount());
        node.put("call-min-amount", policy.callMinAmount());
        node.put("call-small-share", policy.callSmallShare());
        return node;
    }

    record CsvFacts(long records, BigDecimal controlTotal) {
    }

    static CsvFacts csvFacts(Path file, String controlColumn) throws IOException {
        long records = 0;
        BigDecimal total = Money.ZERO;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            for (CSVRecord record : parser) {
                records++;
                if (controlColumn != null) {
                    total = total.add(new BigDecimal(record.get(controlColumn)));
                }
            }
        }
        return new CsvFacts(records, total);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> csvFileNames() {
        return CycleExports.ALL.stream().map(CsvExport::fileName).toList();
    }
}
