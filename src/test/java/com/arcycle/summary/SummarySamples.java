package com.arcycle.summary;

import com.arcycle.mail.OutboxQueries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Stage;
import com.arcycle.testing.Letterheads;
import com.arcycle.totals.CycleTotals;
import com.arcycle.totals.Tally;

/** Cycle summaries for the summary's tests and screenshot, with figures that add up. */
public final class SummarySamples {

    public static final LocalDate CYCLE = LocalDate.of(2026, 1, 31);

    private SummarySamples() {
    }

    /** A cycle's figures; {@code scale} scales the amounts, and the previous cycle has other counts. */
    public static CycleTotals figures(LocalDate date, String scale, boolean previous) {
        BigDecimal k = new BigDecimal(scale);
        AgedBalance aging = new AgedBalance(m("48210.40", k), m("21375.15", k), m("9840.00", k), m("4410.75", k),
                m("2260.00", k), m("1385.60", k), m("1730.00", k), m("640.00", k),
                m("48210.40", k).add(m("21375.15", k)).add(m("9840.00", k)).add(m("4410.75", k)).add(m("2260.00", k))
                        .add(m("1385.60", k)).subtract(m("640.00", k)));
        int[] c = previous ? new int[] {121, 19, 11, 3, 1, 34, 27, 1, 5, 0, 0} : new int[] {118, 23, 9, 4, 2, 38, 31, 2, 3, 1, 2};
        BigDecimal others = m("19840.25", k).add(m("12116.80", k)).add(m("7403.15", k)).add(m("6301.60", k));
        Map<Stage, Tally> stages = Map.of(
                Stage.NONE, new Tally(c[0], aging.total().subtract(others)),
                Stage.REMINDER, new Tally(c[1], m("19840.25", k)),
                Stage.PAST_DUE, new Tally(c[2], m("12116.80", k)),
                Stage.FINAL_DEMAND, new Tally(c[3], m("7403.15", k)),
                Stage.COLLECTIONS, new Tally(c[4], m("6301.60", k)));
        return new CycleTotals(date, aging, stages, new Tally(c[5], m("45661.80", k)), new Tally(c[6], m("612.45", k)),
                new Tally(c[7], m("3645.60", k)), new Tally(c[8], m("97.35", k)),
                c[9] == 0 ? Tally.NONE : new Tally(c[9], m("1840.00", k)), c[10], m("52310.45", k),
                new Tally(previous ? 14 : 17, m("21480.90", k)));
    }

    private static BigDecimal m(String value, BigDecimal scale) {
        return new BigDecimal(value).multiply(scale).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public static CycleSummaryDocument summary() {
        return new CycleSummaryDocument(Letterheads.HARBOR_LANE, "USD", List.of(30, 60, 90, 120), figures(CYCLE, "1", false),
                figures(LocalDate.of(2025, 12, 31), "0.87", true),
                new OutboxQueries.Counts(41, 30, 12, 1, 0, true), new OutboxQueries.Counts(36, 0, 36, 0, 0, false));
    }
}
