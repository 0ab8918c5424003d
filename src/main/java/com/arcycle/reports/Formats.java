package com.arcycle.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How the templates print figures: money with the currency symbol and thousands separators, dates
 * in US English, rates as percentages, text escaped for styled markup. One instance per filled
 * document (not thread-safe: it holds a {@link DecimalFormat}); never reads the clock.
 */
public final class Formats {

    private static final Locale LOCALE = Locale.US;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", LOCALE);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", LOCALE);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", LOCALE);

    private final String symbol;
    private final DecimalFormat amount;

    public Formats(String currencyCode) {
        this.symbol = Currency.getInstance(currencyCode).getSymbol(LOCALE);
        this.amount = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(LOCALE));
        this.amount.setRoundingMode(RoundingMode.UNNECESSARY);
    }

    /** {@code $1,234.50}; a negative amount {@code -$12.00}; null prints as a dash. */
    public String money(BigDecimal value) {
        if (value == null) {
            return "\u2013";
        }
        String digits = amount.format(value.abs());
        return (value.signum() < 0 ? "-" : "") + symbol + digits;
    }

    /** A change between two amounts: {@code +$12.00}, {@code -$3.50}, {@code $0.00}; a dash without a previous one. */
    public String moneyChange(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return "\u2013";
        }
        BigDecimal change = now.subtract(before);
        return (change.signum() > 0 ? "+" : "") + money(change);
    }

    /** A change between two counts: {@code +3}, {@code -1}, {@code 0}; a dash without a previous one. */
    public String countChange(Integer now, Integer before) {
        if (now == null || before == null) {
            return "\u2013";
        }
        int change = now - before;
        return (change > 0 ? "+" : "") + change;
    }

    /** {@code January 31, 2026}. */
    public String date(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }

    /** {@code 01/31/2026}, for tables. */
    public String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    /** {@code March 2019}. */
    public String monthYear(LocalDate date) {
        return date == null ? "" : MONTH_YEAR.format(date);
    }

    /** A monthly rate as a percentage: {@code 0.015} prints {@code 1.5%}. */
    public String rate(BigDecimal rate) {
        return percent(rate.movePointRight(2));
    }

    /** A percentage: {@code 20} prints {@code 20%}. */
    public String percent(BigDecimal percent) {
        BigDecimal plain = percent.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString() + "%";
    }

    /** Days past due for the items table: the number, or a dash for an item not yet due. */
    public String daysPastDue(int days) {
        return days > 0 ? Integer.toString(days) : "\u2013";
    }

    /** The aging buckets' labels from the edges: Current, 1-30, 31-60, 61-90, 91-120, 121+. */
    public static List<String> bucketLabels(List<Integer> edges) {
        return List.of("Current",
                "1\u2013" + edges.get(0),
                (edges.get(0) + 1) + "\u2013" + edges.get(1),
                (edges.get(1) + 1) + "\u2013" + edges.get(2),
                (edges.get(2) + 1) + "\u2013" + edges.get(3),
                (edges.get(3) + 1) + "+");
    }

    /** One aging bucket's label, 0 = current .. 5 = oldest. */
    public String bucket(List<Integer> edges, int index) {
        return bucketLabels(edges).get(index);
    }

    /** "call us at PHONE or write to EMAIL", leaving out what the business did not give. */
    public String contact(Letterhead business) {
        boolean phone = !business.phone().isBlank();
        boolean email = !business.email().isBlank();
        if (phone && email) {
            return "call us at " + x(business.phone()) + " or write to " + x(business.email());
        }
        if (phone) {
            return "call us at " + x(business.phone());
        }
        if (email) {
            return "write to " + x(business.email());
        }
        return "contact us";
    }

    /** Escapes text for a styled-markup text field ({@code & < > "}). */
    public String x(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A figure in bold, escaped, for styled markup. */
    public String b(String text) {
        return "<b>" + x(text) + "</b>";
    }

    /** Lines joined with line breaks, blank ones left out. */
    public String lines(List<String> lines) {
        return String.join("\n", lines.stream().filter(l -> l != null && !l.isBlank()).toList());
    }
}
