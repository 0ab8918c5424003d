package com.arcycle.summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.List;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;

/**
 * The cycle summary's bar chart of the aging buckets: for each bucket, this cycle's total as a dark
 * bar and the previous cycle's as a light bar below it, on one scale. Drawn as vector shapes into
 * the PDF (an image element whose expression is this renderer); the labels and figures beside the
 * bars are text fields of the template, so they use the embedded fonts.
 *
 * <p>(Jasper 7 moved its charts to {@code jasperreports-charts}, which is not on Maven Central at
 * 7.0.6, and an element's width cannot be an expression: hence bars drawn here.)
 */
public final class AgingBars implements Renderable, Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    static final Color CURRENT = new Color(0x1F, 0x3A, 0x5F);
    static final Color PREVIOUS = new Color(0xB4, 0xC3, 0xD6);
    private static final Color GRID = new Color(0xD5, 0xDB, 0xE3);

    private final double[] current;
    private final double[] previous;
    private final String id;

    private AgingBars(double[] current, double[] previous, String id) {
        this.current = current;
        this.previous = previous;
        this.id = id;
    }

    /**
     * Bars for the six buckets; {@code previous} may be null (first cycle). Amounts below zero are
     * drawn as zero.
     */
    public static AgingBars of(List<BigDecimal> current, List<BigDecimal> previous) {
        double[] now = current.stream().mapToDouble(v -> Math.max(0, v.doubleValue())).toArray();
        double[] before = previous == null ? null
                : previous.stream().mapToDouble(v -> Math.max(0, v.doubleValue())).toArray();
        return new AgingBars(now, before, "aging-bars/" + current + "/" + previous);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
        double max = 0;
        for (int i = 0; i < current.length; i++) {
            max = Math.max(max, current[i]);
            if (previous != null) {
                max = Math.max(max, previous[i]);
            }
        }
        double rowHeight = area.getHeight() / current.length;
        double width = area.getWidth() - 1;
        // quarter grid lines
        g.setStroke(new BasicStroke(0.4f));
        g.setColor(GRID);
        for (int q = 1; q <= 4; q++) {
            double x = area.getX() + width * q / 4;
            g.draw(new Line2D.Double(x, area.getY(), x, area.getMaxY()));
        }
        for (int i = 0; i < current.length; i++) {
            double top = area.getY() + i * rowHeight;
            double barHeight = previous == null ? rowHeight * 0.5 : rowHeight * 0.34;
            double nowTop = previous == null ? top + rowHeight * 0.25 : top + rowHeight * 0.14;
            g.setColor(CURRENT);
            g.fill(new Rectangle2D.Double(area.getX(), nowTop, scaled(current[i], max, width), barHeight));
            if (previous != null) {
                g.setColor(PREVIOUS);
                g.fill(new Rectangle2D.Double(area.getX(), top + rowHeight * 0.52, scaled(previous[i], max, width),
                        barHeight));
            }
        }
        g.setStroke(new BasicStroke(0.8f));
        g.setColor(Color.DARK_GRAY);
        g.draw(new Line2D.Double(area.getX(), area.getY(), area.getX(), area.getMaxY()));
    }

    private static double scaled(double value, double max, double width) {
        if (max <= 0 || value <= 0) {
            return 0;
        }
        return Math.max(0.8, value / max * width);
    }
}
