package org.clinigate.eval.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.clinigate.eval.metrics.Results;
import org.clinigate.eval.run.ItemRecord;

/**
 * Renders a run as one self-contained HTML page: inline CSS and inline SVG, no scripts, no external resources. It
 * holds the metrics table, a bar chart with 95% interval whiskers per group kind (specialty, topic, theme, axis,
 * category), the red team's expected-versus-actual behaviour matrix, the worst items with their prompt and output
 * excerpts, and every item's grade in a collapsed table. All suite and model text is escaped. Stateless and thread safe.
 */
public final class HtmlReport {

    /** Bars per chart: group kinds with more values show the largest groups. */
    static final int MAX_BARS = 40;
    /** Rows of the worst-items table. */
    static final int WORST = 50;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#1b1f24;padding:0 16px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 8px;\
            vertical-align:top;text-align:left}th{background:#f6f8fa}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .chart .bar{fill:#4c78a8}.chart .ci{stroke:#1b1f24;stroke-width:1.5}.chart .grid{stroke:#e5e7eb}
            .chart text{font:12px system-ui,sans-serif;fill:#1b1f24}.chart .label{text-anchor:end}
            .chart .tick{fill:#57606a}
            .ok{background:#dafbe1}.bad{background:#ffebe9}.muted{color:#57606a}
            pre{white-space:pre-wrap;word-break:break-word;margin:0;max-height:12em;overflow:auto;font-size:12px}
            .meta span{margin-right:18px}""";

    private HtmlReport() {
    }

    public static String render(Results results, Collection<ItemRecord> records) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Clinigate eval: ").append(
                Html.esc(results.suite())).append("</title><style>").append(CSS).append("</style></head><body>");
        b.append("<h1>Evaluation: ").append(Html.esc(results.suite())).append("</h1><p class=\"meta\"><span>model <b>")
                .append(Html.esc(results.model())).append("</b></span><span>mode <b>").append(Html.esc(results
                        .mode()))
                .append("</b></span><span>format <b>").append(Html.esc(results.format())).append(
                        "</b></span><span>items <b>")
                .append(results.items()).append("</b></span></p>");
        metrics(b, results);
        String primary = primary(results.format());
        for (Map.Entry<String, Map<String, Map<String, Double>>> g : results.groups().entrySet()) {
            if (!g.getKey().equals("behaviour")) {
                chart(b, g.getKey(), g.getValue(), g.getKey().equals("axis") ? "score" : primary);
            }
        }
        Map<String, Map<String, Double>> matrix = results.groups().get("behaviour");
        if (matrix != null) {
            BehaviourMatrix.render(b, matrix);
        }
        worst(b, records);
        ItemTable.render(b, records);
        b.append("<p class=\"muted\">Intervals are 95% percentile bootstraps (seeded). Written by clinigate eval."
                + "</p></body></html>\n");
        return b.toString();
    }

    static String primary(String format) {
        return org.clinigate.eval.suite.SuiteFormat.parse(format).primaryMetric();
    }

    private static void metrics(StringBuilder b, Results r) {
        b.append("<h2>Metrics</h2><table id=\"metrics\"><tr><th>metric</th><th>value</th></tr>");
        r.metrics().forEach((k, v) -> b.append("<tr><td>").append(Html.esc(k)).append("</td><td class=\"num\">")
                .append(Html.num(v)).append("</td></tr>"));
        b.append("</table>");
    }

    private static void chart(StringBuilder b, String kind, Map<String, Map<String, Double>> values, String metric) {
        List<BarChart.Bar> bars = new ArrayList<>();
        values.forEach((name, m) -> bars.add(new BarChart.Bar(name, m.getOrDefault(metric, Double.NaN), m
                .getOrDefault(metric + "_ci_low", Double.NaN), m.getOrDefault(metric + "_ci_high", Double.NaN),
                (int) Math.round(m.getOrDefault("n", 0.0)))));
        String note = "";
        if (bars.size() > MAX_BARS) {
            bars.sort(Comparator.comparingInt(BarChart.Bar::n).reversed());
            note = "<p class=\"muted\">The " + MAX_BARS + " largest of " + bars.size() + " groups.</p>";
            bars.subList(MAX_BARS, bars.size()).clear();
        }
        bars.sort(Comparator.comparingDouble((BarChart.Bar x) -> Double.isNaN(x.value()) ? -1 : x.value())
                .reversed());
        b.append("<h2>").append(Html.esc(metric)).append(" by ").append(Html.esc(kind)).append("</h2>").append(note);
        b.append(BarChart.svg(metric + " by " + kind, bars));
    }

    private static void worst(StringBuilder b, Collection<ItemRecord> records) {
        List<ItemRecord> sorted = new ArrayList<>(records);
        sorted.removeIf(r -> r.finished() && r.score() != null && r.score() >= 1.0);
        sorted.sort(Comparator.comparingInt((ItemRecord r) -> r.finished() ? 1 : 0).thenComparingDouble(r -> r
                .score() == null ? -1 : r.score()).thenComparing(ItemRecord::id));
        b.append("<h2>Worst items</h2>");
        if (sorted.isEmpty()) {
            b.append("<p>Every item scored full marks.</p>");
            return;
        }
        b.append("<p class=\"muted\">").append(Math.min(WORST, sorted.size())).append(" of ").append(sorted.size())
                .append(" items below full marks, errors first.</p><table id=\"worst\"><tr><th>id</th><th>status"
                        + "</th><th>score</th><th>read</th><th>groups</th><th>prompt</th><th>output</th></tr>");
        for (ItemRecord r : sorted.subList(0, Math.min(WORST, sorted.size()))) {
            String read = r.grade() == null ? "" : r.grade().extracted();
            if (r.grade() != null && r.grade().labels().containsKey("expected")) {
                read = "expected " + r.grade().labels().get("expected") + ", got " + r.grade().labels().get("actual");
            }
            b.append("<tr class=\"").append(r.finished() ? "" : "bad").append("\"><td>").append(Html.esc(r.id()))
                    .append("</td><td>").append(Html.esc(r.status())).append(r.error() == null
                            ? ""
                            : " " + Html.esc(r
                                    .error()))
                    .append("</td><td class=\"num\">").append(r.score() == null
                            ? "\u2013"
                            : Html
                                    .num(r.score()))
                    .append("</td><td>").append(Html.esc(read)).append("</td><td>")
                    .append(Html.esc(r.groups().toString())).append("</td><td><pre>").append(Html.esc(Html.cut(r
                            .prompt(), 400)))
                    .append("</pre></td><td><pre>").append(Html.esc(Html.cut(r.output(),
                            600)))
                    .append("</pre></td></tr>");
        }
        b.append("</table>");
    }
}
