package org.clinigate.eval.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.metrics.Bootstrap;
import org.clinigate.eval.metrics.McNemar;
import org.clinigate.eval.metrics.Metrics;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.ItemRecord;

/**
 * Paired comparison of two runs over the item ids both graded. Binary grades get McNemar's exact test on the
 * discordant pairs; every grade gets a paired bootstrap of the mean difference (B minus A) with its 95% interval.
 *
 * @param shared ids graded in both runs
 * @param onlyA ids graded only in A (or failed in B), and the reverse
 * @param binary whether both runs' shared grades are all binary
 * @param bOnly items right in B and wrong in A (binary), and {@code aOnly} the reverse
 * @param mcnemarP McNemar's exact two-sided p-value, NaN for scores
 */
public record Comparison(String a, String b, int shared, int onlyA, int onlyB, boolean binary, double meanA,
        double meanB, Bootstrap.Paired paired, int aOnly, int bOnly, double mcnemarP) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compares the run directories {@code dirA} and {@code dirB}. */
    public static Comparison of(Path dirA, Path dirB) {
        Map<String, ItemRecord> a = graded(dirA);
        Map<String, ItemRecord> b = graded(dirB);
        TreeSet<String> ids = new TreeSet<>(a.keySet());
        ids.retainAll(b.keySet());
        if (ids.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_7004, "the two runs share no graded item id");
        }
        List<Double> sa = new ArrayList<>();
        List<Double> sb = new ArrayList<>();
        boolean binary = true;
        int aOnly = 0;
        int bOnly = 0;
        for (String id : ids) {
            ItemRecord ra = a.get(id);
            ItemRecord rb = b.get(id);
            sa.add(ra.score());
            sb.add(rb.score());
            if (ra.correct() == null || rb.correct() == null) {
                binary = false;
            } else if (ra.correct() && !rb.correct()) {
                aOnly++;
            } else if (!ra.correct() && rb.correct()) {
                bOnly++;
            }
        }
        double[] va = sa.stream().mapToDouble(Double::doubleValue).toArray();
        double[] vb = sb.stream().mapToDouble(Double::doubleValue).toArray();
        Bootstrap.Paired paired = Bootstrap.paired(va, vb, Metrics.SEED);
        return new Comparison(dirA.toString(), dirB.toString(), ids.size(), a.size() - ids.size(), b.size() - ids
                .size(), binary, mean(va), mean(vb), paired, binary ? aOnly : 0, binary ? bOnly : 0, binary
                        ? McNemar.exactP(aOnly, bOnly)
                        : Double.NaN);
    }

    private static Map<String, ItemRecord> graded(Path dir) {
        Path items = dir.resolve("items.jsonl");
        if (!Files.isRegularFile(items)) {
            throw new ClinigateException(ErrorCode.CG_7004, "no items.jsonl in a run directory given to compare");
        }
        Map<String, ItemRecord> latest = ItemLog.read(items).latest();
        latest.values().removeIf(r -> !r.finished() || r.score() == null);
        return latest;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** A plain-text table for the terminal. */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-28s %12s%n", "shared items", shared));
        t.append(String.format(Locale.ROOT, "%-28s %12d / %d%n", "only in A / only in B", onlyA, onlyB));
        String what = binary ? "accuracy" : "mean score";
        t.append(String.format(Locale.ROOT, "%-28s %12.4f%n", what + " A", meanA));
        t.append(String.format(Locale.ROOT, "%-28s %12.4f%n", what + " B", meanB));
        Bootstrap.Interval d = paired.difference();
        t.append(String.format(Locale.ROOT, "%-28s %+12.4f  95%% CI [%+.4f, %+.4f]%n", "B - A", d.estimate(), d.low(),
                d.high()));
        t.append(String.format(Locale.ROOT, "%-28s %12.4f%n", "paired bootstrap p", paired.p()));
        if (binary) {
            t.append(String.format(Locale.ROOT, "%-28s %12d / %d%n", "right only in A / only in B", aOnly, bOnly));
            t.append(String.format(Locale.ROOT, "%-28s %12.4f%n", "McNemar exact p", mcnemarP));
        }
        return t.toString();
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("a", a).put("b", b).put("shared", shared).put("only_a", onlyA).put("only_b", onlyB).put("binary",
                binary).put("mean_a", meanA).put("mean_b", meanB);
        Bootstrap.Interval d = paired.difference();
        n.put("difference", d.estimate()).put("difference_ci_low", d.low()).put("difference_ci_high", d.high()).put(
                "bootstrap_p", paired.p());
        if (binary) {
            n.put("right_only_a", aOnly).put("right_only_b", bOnly).put("mcnemar_p", mcnemarP);
        }
        return n.toPrettyString();
    }
}
