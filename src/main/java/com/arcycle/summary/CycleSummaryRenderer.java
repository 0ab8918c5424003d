package com.arcycle.summary;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Stage;
import com.arcycle.reports.Formats;
import com.arcycle.reports.RecordDataSource;
import com.arcycle.reports.ReportRenderingException;
import com.arcycle.reports.Reports;
import com.arcycle.totals.CycleTotals;
import com.arcycle.totals.Tally;
import com.arcycle.mail.OutboxQueries;

/**
 * Renders the cycle summary ({@code reports/cycle-summary.jrxml}) to PDF: the aging buckets with a
 * bar chart, the accounts and amounts per stage, and the cycle's fees, referrals, write-offs,
 * suspensions and rejected records, each beside the previous cycle's figure. Loaded once; safe to
 * share between threads; the same document always gives the same bytes.
 */
public final class CycleSummaryRenderer {

    /** The summary's name in the cycle folder. */
    public static final String FILE = "cycle-summary.pdf";

    static final String AGING = "Aged receivables";
    static final String STAGES = "Accounts by dunning stage";
    static final String ACTIONS = "This cycle's actions";

    private final JasperReport summary;

    private CycleSummaryRenderer(JasperReport summary) {
        this.summary = summary;
    }

    /** Loads the compiled {@code reports/cycle-summary.jasper}. */
    public static CycleSummaryRenderer fromClasspath() {
        return new CycleSummaryRenderer(Reports.load("cycle-summary"));
    }

    /** Fills the summary: Jasper's in-memory pages. */
    public JasperPrint fill(CycleSummaryDocument document) {
        Formats formats = new Formats(document.currency());
        Map<String, Object> parameters = Reports.parameters();
        parameters.put("doc", document);
        parameters.put("f", formats);
        parameters.put("bars", AgingBars.of(buckets(document.current().aging()),
                document.previous() == null ? null : buckets(document.previous().aging())));
        parameters.put("bucketLabels", Formats.bucketLabels(document.agingBucketEdges()));
        try {
            return JasperFillManager.getInstance(Reports.CONTEXT)
                    .fill(summary, parameters, new RecordDataSource(rows(document)));
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot fill the cycle summary of " + document.current().cycleDate()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The summary as PDF bytes. */
    public byte[] render(CycleSummaryDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(document, out);
        return out.toByteArray();
    }

    /** Writes the summary as PDF to {@code out} (left open). */
    public void render(CycleSummaryDocument document, OutputStream out) {
        JasperPrint print = fill(document);
        try {
            Reports.exportPdf(SimpleExporterInput.getInstance(List.of(print)), out, document.current().cycleDate(),
                    "cycle-summary/" + document.current().cycleDate(), () -> Reports.digest(document),
                    "Cycle summary " + document.current().cycleDate(), document.business().name());
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot export the cycle summary of " + document.current().cycleDate()
                    + ": " + e.getMessage(), e);
        }
    }

    static List<BigDecimal> buckets(AgedBalance aging) {
        return List.of(aging.current(), aging.days1To30(), aging.days31To60(), aging.days61To90(),
                aging.days91To120(), aging.days121Plus());
    }

    /** The rows of the three tables, in print order. */
    static List<SummaryRow> rows(CycleSummaryDocument document) {
        CycleTotals now = document.current();
        CycleTotals before = document.previous();
        List<SummaryRow> rows = new ArrayList<>();
        List<String> labels = Formats.bucketLabels(document.agingBucketEdges());
        List<BigDecimal> nowBuckets = buckets(now.aging());
        List<BigDecimal> beforeBuckets = before == null ? null : buckets(before.aging());
        for (int i = 0; i < nowBuckets.size(); i++) {
            String label = i == 0 ? "Current (not yet due)" : labels.get(i) + " days past due";
            rows.add(new SummaryRow(AGING, label, null, nowBuckets.get(i), null,
                    beforeBuckets == null ? null : beforeBuckets.get(i), false));
        }
        rows.add(amountRow(AGING, "In dispute (included above)", now, before, f -> f.aging().inDispute(), false));
        rows.add(amountRow(AGING, "Unapplied credit (subtracted)", now, before, f -> f.aging().unappliedCredit(), false));
        rows.add(amountRow(AGING, "Total receivable", now, before, f -> f.aging().total(), true));

        String[] stageLabels = {"No notice", "Reminder", "Past due", "Final demand", "Collections"};
        int countNow = 0;
        int countBefore = 0;
        BigDecimal amountNow = BigDecimal.ZERO.setScale(2);
        BigDecimal amountBefore = BigDecimal.ZERO.setScale(2);
        for (Stage stage : Stage.values()) {
            Tally t = now.stage(stage);
            Tally p = before == null ? null : before.stage(stage);
            rows.add(new SummaryRow(STAGES, stageLabels[stage.ordinal()], t.count(), t.amount(),
                    p == null ? null : p.count(), p == null ? null : p.amount(), false));
            countNow += t.count();
            amountNow = amountNow.add(t.amount());
            if (p != null) {
                countBefore += p.count();
                amountBefore = amountBefore.add(p.amount());
            }
        }
        rows.add(new SummaryRow(STAGES, "All accounts", countNow, amountNow, before == null ? null : countBefore,
                before == null ? null : amountBefore, true));

        rows.add(tallyRow("Statements sent", now.statementsSent(), before == null ? null : before.statementsSent()));
        OutboxQueries.Counts sent = document.delivery();
        OutboxQueries.Counts sentBefore = document.previousDelivery();
        if (sent != null) {
            rows.add(new SummaryRow(ACTIONS, "  by email", sent.emailed(), null,
                    sentBefore == null ? null : sentBefore.emailed(), null, false));
            rows.add(new SummaryRow(ACTIONS, "  by post", sent.posted(), null,
                    sentBefore == null ? null : sentBefore.posted(), null, false));
            rows.add(new SummaryRow(ACTIONS, "  undeliverable by email (posted)", sent.failed(), null,
                    sentBefore == null ? null : sentBefore.failed(), null, false));
        }
        rows.add(tallyRow("Late fees assessed", now.fees(), before == null ? null : before.fees()));
        rows.add(tallyRow("Referred to collections", now.referrals(), before == null ? null : before.referrals()));
        rows.add(tallyRow("Items written off", now.writeOffs(), before == null ? null : before.writeOffs()));
        rows.add(tallyRow("Service suspensions (past due)", now.suspensions(),
                before == null ? null : before.suspensions()));
        rows.add(tallyRow("Accounts to phone (past due)", now.calls(), before == null ? null : before.calls()));
        rows.add(new SummaryRow(ACTIONS, "Rejected input records", now.rejectedRecords(), null,
                before == null ? null : before.rejectedRecords(), null, false));
        return rows;
    }

    private static SummaryRow amountRow(String section, String label, CycleTotals now, CycleTotals before,
            Function<CycleTotals, BigDecimal> amount, boolean total) {
        return new SummaryRow(section, label, null, amount.apply(now), null,
                before == null ? null : amount.apply(before), total);
    }

    private static SummaryRow tallyRow(String label, Tally now, Tally before) {
        return new SummaryRow(ACTIONS, label, now.count(), now.amount(), before == null ? null : before.count(),
                before == null ? null : before.amount(), false);
    }
}
