package org.clinigate.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG chart of horizontal bars in [0, 1], each with a 95% interval whisker and its count. Values arrive
 * in display order. Labels are escaped.
 */
final class BarChart {

    private static final int LABEL = 230;
    private static final int PLOT = 420;
    private static final int ROW = 22;

    /** One bar: its label, value, interval and count. */
    record Bar(String label, double value, double low, double high, int n) {
    }

    private BarChart() {
    }

    static String svg(String title, List<Bar> bars) {
        int height = 34 + ROW * bars.size() + 20;
        int width = LABEL + PLOT + 110;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>", width, height, width, height,
                Html.esc(title)));
        for (int t = 0; t <= 4; t++) {
            double x = LABEL + PLOT * t / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                    + "<text x=\"%.1f\" y=\"16\" class=\"tick\">%d%%</text>", x, x, height - 18, x - 10, t * 25));
        }
        int y = 30;
        for (Bar bar : bars) {
            double w = PLOT * clamp(bar.value());
            b.append("<g><title>").append(Html.esc(bar.label())).append(": ").append(Html.pct(bar.value())).append(
                    " (95% CI ").append(Html.pct(bar.low())).append("\u2013").append(Html.pct(bar.high())).append(
                            ", n=")
                    .append(bar.n()).append(")</title>");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", LABEL - 8, y
                    + 14, Html.esc(Html.cut(bar.label(), 34))));
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" class=\"bar\"/>",
                    LABEL, y + 3, w));
            if (!Double.isNaN(bar.low()) && !Double.isNaN(bar.high())) {
                double x1 = LABEL + PLOT * clamp(bar.low());
                double x2 = LABEL + PLOT * clamp(bar.high());
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"ci\"/>"
                        + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"ci\"/><line x1=\"%.1f\" y1=\"%d\""
                        + " x2=\"%.1f\" y2=\"%d\" class=\"ci\"/>", x1, y + 10, x2, y + 10, x1, y + 5, x1, y + 15, x2,
                        y + 5, x2, y + 15));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value\">%s  n=%d</text></g>", LABEL
                    + PLOT + 8, y + 14, Html.pct(bar.value()), bar.n()));
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
