package org.clinigate.safety.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.clinigate.core.rails.RailContext;
import org.clinigate.safety.text.Folding;
import org.clinigate.safety.text.Sentences;

/**
 * One text under check: the text, its folded form (same offsets; see {@link Folding}), its sentences, its context,
 * and a memo so that an analysis several rules need (medication mentions, citation findings) runs once. Not thread
 * safe: one inspection per check, on one thread. Holds text, so {@code toString()} prints the size only.
 */
public final class Inspection {

    private final String text;
    private final RailContext context;
    private String folded;
    private List<int[]> sentences;
    private long[] trigrams;
    private final Map<Object, Object> memo = new HashMap<>();

    public Inspection(String text, RailContext context) {
        this.text = Objects.requireNonNull(text, "text");
        this.context = Objects.requireNonNull(context, "context");
    }

    public String text() {
        return text;
    }

    public RailContext context() {
        return context;
    }

    /** Lower case with quotes, dashes and spaces folded; offsets equal those of {@link #text()}. */
    public String folded() {
        if (folded == null) {
            folded = Folding.fold(text);
        }
        return folded;
    }

    /** The sentence ranges {@code [start, end)}, in order. */
    public List<int[]> sentences() {
        if (sentences == null) {
            sentences = Sentences.split(text);
        }
        return sentences;
    }

    /** The sentence that holds {@code offset}, or a range of the whole text when none does (white space). */
    public int[] sentenceAt(int offset) {
        return Sentences.at(sentences(), offset, text.length());
    }

    /**
     * False only when the folded text cannot contain {@code literal}: one of its character trigrams occurs nowhere in
     * the text. A bit set of the text's hashed trigrams (2^16 bits, built on first use in one pass) answers in a few
     * look-ups where {@link String#contains} scans the whole text; rule sets test hundreds of literals per text, and
     * most are absent. True for literals shorter than three characters.
     */
    boolean mayContain(String literal) {
        if (literal.length() < 3) {
            return true;
        }
        long[] t = trigrams();
        for (int i = 0; i + 3 <= literal.length(); i++) {
            int h = trigram(literal, i);
            if ((t[h >>> 6] & (1L << h)) == 0) {
                return false;
            }
        }
        return true;
    }

    private long[] trigrams() {
        if (trigrams == null) {
            String f = folded();
            long[] t = new long[1 << 10];
            if (f.length() >= 3) {
                // Over a char array with a rolling window: the same hash as trigram(), without charAt's checks at
                // each of three reads per character, which showed in gateway profiles.
                char[] cs = f.toCharArray();
                int a = cs[0];
                int b = cs[1];
                for (int i = 2; i < cs.length; i++) {
                    int c = cs[i];
                    int h = (a * 31 + b) * 31 + c;
                    h = (h ^ (h >>> 16)) & 0xFFFF;
                    t[h >>> 6] |= 1L << h;
                    a = b;
                    b = c;
                }
            }
            trigrams = t;
        }
        return trigrams;
    }

    /** A 16-bit hash of the three characters at {@code i}. */
    private static int trigram(String s, int i) {
        int h = (s.charAt(i) * 31 + s.charAt(i + 1)) * 31 + s.charAt(i + 2);
        return (h ^ (h >>> 16)) & 0xFFFF;
    }

    /** The value of {@code analysis} on this inspection, computed on first use and kept under {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Function<Inspection, T> analysis) {
        Object v = memo.get(key);
        if (v == null) {
            v = analysis.apply(this);
            memo.put(key, v);
        }
        return (T) v;
    }

    @Override
    public String toString() {
        return "Inspection[chars=" + text.length() + ", " + context + "]";
    }
}
