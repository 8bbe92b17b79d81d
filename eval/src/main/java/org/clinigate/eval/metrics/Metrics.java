package org.clinigate.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.RunManifest;
import org.clinigate.eval.suite.SuiteFormat;
import java.util.function.ToDoubleFunction;
import java.util.function.Function;

/**
 * Computes {@link Results} from a run's item records (the newest record per id). Scores are over graded items
 * (status ok): an item whose generation failed counts in {@code errors}, one whose grader failed in {@code
 * grader_errors}, and neither in a score. An unreadable answer is graded wrong. Intervals are seeded bootstraps over
 * items sorted by id, so results do not depend on the order items finished in. Stateless and thread safe.
 */
public final class Metrics {

    /** The bootstrap seed of every results file, so reruns on the same records give the same intervals. */
    public static final long SEED = 20_261_128L;

    private Metrics() {
    }

    public static Results compute(RunManifest run, Collection<ItemRecord> latest) {
        List<ItemRecord> all = new ArrayList<>(latest);
        all.sort(Comparator.comparing(ItemRecord::id));
        List<ItemRecord> ok = all.stream().filter(ItemRecord::finished).toList();
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Double>>> groups = new LinkedHashMap<>();
        SuiteFormat f = run.format();
        String primary = f.primaryMetric();
        switch (f) {
            case MEDQA, MEDMCQA, PUBMEDQA -> {
                putMean(m, "accuracy", ok, r -> r.score(), SEED);
                m.put("extracted_rate", share(ok, r -> r.grade().extracted() != null));
            }
            case HEALTHBENCH -> {
                putMean(m, "score", ok, ItemRecord::score, SEED);
                groups.put("axis", partGroups(ok, "axis:"));
                groups.get("axis").forEach((axis, s) -> m.put("axis." + axis, s.get("score")));
            }
            case SUMMARY -> {
                putMean(m, "section_completeness", ok, ItemRecord::score, SEED);
                double entities = sum(ok, "entities");
                m.put("unsupported_entity_rate", entities == 0 ? 0.0 : sum(ok, "unsupported_entities") / entities);
                m.put("entities", entities);
            }
            case RAG -> {
                double citations = sum(ok, "citations");
                m.put("citation_fidelity", citations == 0 ? Double.NaN : sum(ok, "citations_verified") / citations);
                m.put("citations", citations);
                m.put("answer_found_rate", mean(ok, r -> r.grade().parts().getOrDefault("answer_found", 0.0)));
                m.put("items_without_citations", (double) ok.stream().filter(r -> r.grade().parts().getOrDefault(
                        "citations", 0.0) == 0).count());
            }
            case REDTEAM -> RedTeamMetrics.put(ok, m, groups);
        }
        common(all, ok, m);
        for (String kind : groupKinds(all)) {
            if (!groups.containsKey(kind)) {
                groups.put(kind, itemGroups(ok, kind, primary, f == SuiteFormat.REDTEAM));
            }
        }
        return new Results(run.suite(), run.model(), run.mode(), f.wireName(), all.size(), m, groups);
    }

    private static void common(List<ItemRecord> all, List<ItemRecord> ok, Map<String, Double> m) {
        m.put("graded", (double) ok.size());
        m.put("errors", (double) all.stream().filter(r -> r.status().equals(ItemRecord.ERROR)).count());
        m.put("grader_errors", (double) all.stream().filter(r -> r.status().equals(Grade.GRADER_ERROR)).count());
        double[] latency = all.stream().filter(r -> !r.status().equals(ItemRecord.ERROR)).mapToDouble(
                ItemRecord::latencyMs).sorted().toArray();
        if (latency.length > 0) {
            m.put("latency_ms_p50", latency[(latency.length - 1) / 2]);
            m.put("latency_ms_p95", latency[(int) Math.ceil(0.95 * latency.length) - 1]);
        }
    }

    static void putMean(Map<String, Double> m, String name, List<ItemRecord> ok,
            Function<ItemRecord, Double> value, long seed) {
        double[] v = ok.stream().map(value).filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
        Bootstrap.Interval ci = Bootstrap.mean(v, seed);
        m.put(name, ci.estimate());
        m.put(name + "_ci_low", ci.low());
        m.put(name + "_ci_high", ci.high());
    }

    static double share(List<ItemRecord> ok, Predicate<ItemRecord> p) {
        return ok.isEmpty() ? Double.NaN : (double) ok.stream().filter(p).count() / ok.size();
    }

    static double mean(List<ItemRecord> ok, ToDoubleFunction<ItemRecord> f) {
        return ok.isEmpty() ? Double.NaN : ok.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double sum(List<ItemRecord> ok, String part) {
        return ok.stream().mapToDouble(r -> r.grade().parts().getOrDefault(part, 0.0)).sum();
    }

    private static TreeSet<String> groupKinds(List<ItemRecord> all) {
        TreeSet<String> kinds = new TreeSet<>();
        all.forEach(r -> kinds.addAll(r.groups().keySet()));
        return kinds;
    }

    /** Per value of the item group {@code kind}: n, the primary metric's mean and 95% interval. */
    static Map<String, Map<String, Double>> itemGroups(List<ItemRecord> ok, String kind, String primary,
            boolean redTeam) {
        Map<String, List<ItemRecord>> byValue = new TreeMap<>();
        for (ItemRecord r : ok) {
            String v = r.groups().get(kind);
            if (v != null) {
                byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        byValue.forEach((value, records) -> {
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("n", (double) records.size());
            putMean(s, primary, records, ItemRecord::score, SEED ^ (kind + "=" + value).hashCode());
            if (redTeam) {
                s.put("refusal_rate", mean(records, r -> r.grade().parts().getOrDefault("refusal", 0.0)));
            }
            out.put(value, s);
        });
        return out;
    }

    /** Per grade part with {@code prefix} (an axis): n items that have it, its mean and 95% interval. */
    static Map<String, Map<String, Double>> partGroups(List<ItemRecord> ok, String prefix) {
        Map<String, List<Double>> byPart = new TreeMap<>();
        for (ItemRecord r : ok) {
            r.grade().parts().forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    byPart.computeIfAbsent(k.substring(prefix.length()), x -> new ArrayList<>()).add(v);
                }
            });
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        byPart.forEach((part, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            Bootstrap.Interval ci = Bootstrap.mean(v, SEED ^ part.hashCode());
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("n", (double) v.length);
            s.put("score", ci.estimate());
            s.put("score_ci_low", ci.low());
            s.put("score_ci_high", ci.high());
            out.put(part, s);
        });
        return out;
    }

}
