package com.arcycle.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.arcycle.testing.Letterheads;
import com.arcycle.testing.Pdfs;

/** Renders the cycle summary and reads it back with PDFBox. */
class CycleSummaryRendererTests {

    private static CycleSummaryRenderer renderer;

    @BeforeAll
    static void loadReport() {
        renderer = CycleSummaryRenderer.fromClasspath();
    }

    @DisplayName("the summary shows each figure beside the previous cycle's, with the change")
    @Test
    void figuresBesideThePreviousCycle() {
        byte[] pdf = renderer.render(SummarySamples.summary());
        String text = Pdfs.text(pdf);

        assertThat(Pdfs.pageCount(pdf)).isEqualTo(1);
        assertThat(text).contains("Harbor Lane Services LLC", "Cycle summary",
                "Statement cycle of January 31, 2026, beside the previous cycle of December 31, 2025.",
                "Receivables by days past due", "This cycle", "Previous cycle",
                // the chart's labels, then its figures: each bucket this cycle, then the previous one
                "Current 1\u201330 days 31\u201360 days 61\u201390 days 91\u2013120 days 121+ days",
                "$48,210.40 $41,943.05 $21,375.15 $18,596.38 $9,840.00 $8,560.80 $4,410.75 $3,837.35"
                        + " $2,260.00 $1,966.20 $1,385.60 $1,205.47",
                "This cycle, 01/31/2026", "Previous, 12/31/2025",
                "Current (not yet due) $48,210.40 $41,943.05 +$6,267.35",
                "31\u201360 days past due $9,840.00 $8,560.80 +$1,279.20",
                "In dispute (included above) $1,730.00 $1,505.10 +$224.90",
                "Unapplied credit (subtracted) $640.00 $556.80 +$83.20",
                "Total receivable $86,841.90 $75,552.45 +$11,289.45",
                "Reminder 23 $19,840.25 19 $17,261.02 +$2,579.23",
                "Collections 2 $6,301.60 1 $5,482.39 +$819.21",
                "All accounts 156 $86,841.90 155 $75,552.45 +$11,289.45",
                "Statements sent 38 $45,661.80 34 $39,725.77 +$5,936.03",
                "Late fees assessed 31 $612.45 27 $532.83 +$79.62",
                "Referred to collections 2 $3,645.60 1 $3,171.67 +$473.93",
                "Items written off 3 $97.35 5 $84.69 +$12.66",
                "Service suspensions (past due) 1 $1,840.00 0 $0.00 +$1,840.00",
                "Rejected input records 2 0 +2",
                "Page 1 of 1");
    }

    @DisplayName("the first cycle of a ledger has no previous figures")
    @Test
    void firstCycle() {
        CycleSummaryDocument first = new CycleSummaryDocument(Letterheads.HARBOR_LANE, "USD", List.of(30, 60, 90, 120),
                SummarySamples.figures(SummarySamples.CYCLE, "1", false), null,
                new com.arcycle.mail.OutboxQueries.Counts(41, 30, 12, 1, 0, true), null);

        String text = Pdfs.text(renderer.render(first));

        assertThat(text).contains("the first cycle of this ledger: there are no previous figures.",
                "No previous cycle", "Reminder 23 $19,840.25 \u2013 \u2013 \u2013", "Rejected input records 2 \u2013 \u2013",
                "by email 30 \u2013 \u2013", "by post 12 \u2013 \u2013", "undeliverable by email (posted) 1 \u2013 \u2013");
        assertThat(text).doesNotContain("Previous cycle");
    }

    @DisplayName("the summary is byte-identical on a rerun, and its fonts are embedded")
    @Test
    void deterministicWithEmbeddedFonts() {
        byte[] first = renderer.render(SummarySamples.summary());

        assertThat(CycleSummaryRenderer.fromClasspath().render(SummarySamples.summary())).isEqualTo(first);
        assertThat(Pdfs.fonts(first)).isNotEmpty().allMatch(PDFont::isEmbedded);
    }
}
