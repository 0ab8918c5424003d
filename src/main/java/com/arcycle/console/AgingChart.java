package com.arcycle.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.arcycle.aging.AgedBalance;

/**
 * The aging chart drawn on the server (an inline SVG, no script): one pair of bars per bucket,
 * this cycle's beside the previous cycle's, scaled to the largest.
 */
record AgingChart(List<Bar> bars, int width, int height) {

    static final int PLOT_HEIGHT = 160;
    private static final int TOP = 20;
    private static final int SLOT = 110;

    /** A bucket: its label, both amounts, and where its bars go. */
    record Bar(String label, BigDecimal amount, BigDecimal previous, int x, int y, int barHeight, int previousY,
            int previousHeight) {
    }

    static AgingChart of(AgedBalance now, AgedBalance before) {
        String[] labels = {"current", "1-30", "31-60", "61-90", "91-120", "121+"};
        BigDecimal[] amounts = buckets(now);
        BigDecimal[] previous = before == null ? new BigDecimal[6] : buckets(before);
        BigDecimal max = BigDecimal.ONE;
        for (int i = 0; i < 6; i++) {
            max = max.max(amounts[i]);
            if (previous[i] != null) {
                max = max.max(previous[i]);
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int h = scale(amounts[i], max);
            int ph = previous[i] == null ? 0 : scale(previous[i], max);
            bars.add(new Bar(labels[i], amounts[i], previous[i], 10 + i * SLOT, TOP + PLOT_HEIGHT - h, h,
                    TOP + PLOT_HEIGHT - ph, ph));
        }
        return new AgingChart(bars, 20 + 6 * SLOT, TOP + PLOT_HEIGHT + 40);
    }

    private static BigDecimal[] buckets(AgedBalance b) {
        return new BigDecimal[] {b.current(), b.days1To30(), b.days31To60(), b.days61To90(), b.days91To120(),
                b.days121Plus()};
    }

    private static int scale(BigDecimal amount, BigDecimal max) {
        if (amount.signum() <= 0) {
            return 0;
        }
        return Math.max(1, amount.multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(max, 0, RoundingMode.HALF_UP)
                .intValue());
    }
}
