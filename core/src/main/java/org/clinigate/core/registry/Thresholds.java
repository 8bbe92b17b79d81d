package org.clinigate.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The eval metrics an entry must meet before it can be approved: per metric name a lower bound, an upper bound, or
 * both (inclusive). A metric named here and missing from the results fails. Immutable.
 *
 * @param bounds metric name to its bound
 */
public record Thresholds(Map<String, Bound> bounds) {

    /** No thresholds: nothing can be approved against it. */
    public static final Thresholds NONE = new Thresholds(Map.of());

    /**
     * An inclusive bound on one metric.
     *
     * @param min the lowest allowed value, or null
     * @param max the highest allowed value, or null
     */
    public record Bound(Double min, Double max) {
        public Bound {
            if (min == null && max == null || min != null && !Double.isFinite(min)
                    || max != null && !Double.isFinite(max) || min != null && max != null && min > max) {
                throw new ClinigateException(ErrorCode.CG_1001,
                        "a threshold needs a finite min, a finite max, or both with min <= max");
            }
        }

        boolean admits(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        @Override
        public String toString() {
            return min != null && max != null
                    ? "in [" + min + ", " + max + "]"
                    : min != null ? ">= " + min : "<= " + max;
        }
    }

    public Thresholds {
        bounds = Collections.unmodifiableMap(new TreeMap<>(bounds));
        bounds.forEach((k, v) -> {
            RegistryChecks.line("threshold metric", k, 128);
            java.util.Objects.requireNonNull(v, "bound");
        });
    }

    /** Parses {@code NAME=VALUE} pairs given as minimums and maximums (the command line's form). */
    public static Thresholds parse(List<String> minimums, List<String> maximums) {
        Map<String, Double[]> raw = new TreeMap<>();
        collect(minimums, 0, raw);
        collect(maximums, 1, raw);
        Map<String, Bound> out = new TreeMap<>();
        raw.forEach((k, v) -> out.put(k, new Bound(v[0], v[1])));
        return new Thresholds(out);
    }

    private static void collect(List<String> pairs, int slot, Map<String, Double[]> raw) {
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.lastIndexOf('=');
            double value;
            try {
                value = Double.parseDouble(pair.substring(eq + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                value = Double.NaN;
            }
            if (eq < 1 || !Double.isFinite(value)) {
                throw new ClinigateException(ErrorCode.CG_1001, "a threshold must be METRIC=NUMBER");
            }
            raw.computeIfAbsent(pair.substring(0, eq).strip(), k -> new Double[2])[slot] = value;
        }
    }

    /**
     * Both sets at once: where both bound a metric, the stricter of each side wins (the higher min, the lower max),
     * so extra thresholds can only tighten, never loosen, the configured ones. Bounds that then admit nothing fail
     * with {@code CG-1001}.
     */
    public Thresholds and(Thresholds other) {
        Map<String, Bound> m = new TreeMap<>(bounds);
        other.bounds.forEach((k, b) -> m.merge(k, b, (x, y) -> new Bound(stricter(x.min, y.min, true),
                stricter(x.max, y.max, false))));
        return new Thresholds(m);
    }

    private static Double stricter(Double a, Double b, boolean min) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return min ? Math.max(a, b) : Math.min(a, b);
    }

    /** The metrics that fail, each as {@code name=value (needs BOUND)} or {@code name missing}; empty when all pass. */
    public List<String> failures(Map<String, Double> metrics) {
        List<String> out = new ArrayList<>();
        bounds.forEach((name, bound) -> {
            Double v = metrics.get(name);
            if (v == null) {
                out.add(name + " missing (needs " + bound + ")");
            } else if (!bound.admits(v)) {
                out.add(name + "=" + v + " (needs " + bound + ")");
            }
        });
        return out;
    }

    public boolean isEmpty() {
        return bounds.isEmpty();
    }
}
