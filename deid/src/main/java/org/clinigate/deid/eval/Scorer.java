package org.clinigate.deid.eval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;

/**
 * Scores detected spans against gold spans, overall and per category.
 *
 * <ul>
 * <li>Span level: a gold span is found when any detected span overlaps it ({@code recall}), and of the
 * same category ({@code strictRecall}); a detected span is correct when it overlaps any gold span.
 * <li>Character level: over non-whitespace characters, the share of gold characters covered and of
 * detected characters that are gold.
 * </ul>
 * Not thread safe; one scorer per run.
 */
public final class Scorer {

    /** Counts for one category, or for all. */
    public static final class Counts {
        public long gold;
        public long found;
        public long foundStrict;
        public long predicted;
        public long predictedCorrect;
        public long goldChars;
        public long predChars;
        public long overlapChars;

        public double recall() {
            return ratio(found, gold);
        }

        public double strictRecall() {
            return ratio(foundStrict, gold);
        }

        public double precision() {
            return ratio(predictedCorrect, predicted);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double charRecall() {
            return ratio(overlapChars, goldChars);
        }

        public double charPrecision() {
            return ratio(overlapChars, predChars);
        }

        public double charF1() {
            double p = charPrecision();
            double r = charRecall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        private static double ratio(long a, long b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    /** A gold span that no detected span overlapped. */
    public record Miss(String id, int start, int end, PhiCategory category) {
    }

    /** A detected span that overlaps no gold span. */
    public record FalsePositive(String id, int start, int end, PhiCategory category) {
    }

    private final Counts total = new Counts();
    private final Map<PhiCategory, Counts> byCategory = new EnumMap<>(PhiCategory.class);
    private final List<Miss> misses = new ArrayList<>();
    private final List<FalsePositive> falsePositives = new ArrayList<>();

    public void add(GoldRecord gold, List<PhiSpan> predicted) {
        for (PhiSpan g : gold.spans()) {
            Counts c = counts(g.category());
            c.gold++;
            total.gold++;
            boolean any = false;
            boolean strict = false;
            for (PhiSpan p : predicted) {
                if (p.overlaps(g)) {
                    any = true;
                    strict |= p.category() == g.category();
                }
            }
            if (any) {
                c.found++;
                total.found++;
            } else {
                misses.add(new Miss(gold.id(), g.start(), g.end(), g.category()));
            }
            if (strict) {
                c.foundStrict++;
                total.foundStrict++;
            }
        }
        for (PhiSpan p : predicted) {
            Counts c = counts(p.category());
            c.predicted++;
            total.predicted++;
            boolean ok = gold.spans().stream().anyMatch(p::overlaps);
            if (ok) {
                c.predictedCorrect++;
                total.predictedCorrect++;
            } else {
                falsePositives.add(new FalsePositive(gold.id(), p.start(), p.end(), p.category()));
            }
        }
        characters(gold, predicted);
    }

    private void characters(GoldRecord gold, List<PhiSpan> predicted) {
        String t = gold.text();
        BitSet g = new BitSet(t.length());
        BitSet p = new BitSet(t.length());
        for (PhiSpan s : gold.spans()) {
            mark(t, g, s);
            Counts c = counts(s.category());
            BitSet one = new BitSet();
            mark(t, one, s);
            c.goldChars += one.cardinality();
            BitSet covered = new BitSet();
            for (PhiSpan q : predicted) {
                mark(t, covered, q);
            }
            one.and(covered);
            c.overlapChars += one.cardinality();
        }
        for (PhiSpan s : predicted) {
            mark(t, p, s);
            BitSet one = new BitSet();
            mark(t, one, s);
            counts(s.category()).predChars += one.cardinality();
        }
        total.goldChars += g.cardinality();
        total.predChars += p.cardinality();
        g.and(p);
        total.overlapChars += g.cardinality();
    }

    private static void mark(String t, BitSet bits, PhiSpan s) {
        for (int i = s.start(); i < s.end() && i < t.length(); i++) {
            if (!Character.isWhitespace(t.charAt(i))) {
                bits.set(i);
            }
        }
    }

    private Counts counts(PhiCategory c) {
        return byCategory.computeIfAbsent(c, k -> new Counts());
    }

    public Counts total() {
        return total;
    }

    public Map<PhiCategory, Counts> byCategory() {
        return byCategory;
    }

    public List<Miss> misses() {
        return misses;
    }

    public List<FalsePositive> falsePositives() {
        return falsePositives;
    }
}
