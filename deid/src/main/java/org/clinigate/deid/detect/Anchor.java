package org.clinigate.deid.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Limits where a rule's regular expression is tried. Running {@code find()} over a whole note tries
 * the expression at every character, which is what made fifty rules slow; an anchor lists the few
 * places where a match can begin (digit runs, cue words) and tries the expression only there, with
 * transparent bounds so that look-behind and {@code \b} still see the text around.
 *
 * <p>Contract: an anchor must offer every match that {@code find()} over the whole text would return
 * (it may offer a few more). Stateless and thread safe.
 */
@FunctionalInterface
interface Anchor {

    /** Passes each match to {@code sink}, in ascending order; {@code m} is reset by the caller. */
    void scan(Positions at, Matcher m, Consumer<Matcher> sink);

    /** No anchor: the expression is tried everywhere. */
    Anchor EVERYWHERE = (at, m, sink) -> {
        m.reset();
        while (m.find()) {
            sink.accept(m);
        }
    };

    /** Tries the expression anchored ({@code lookingAt}) at each hit. */
    static Anchor at(Hits hits) {
        return (at, m, sink) -> {
            int[] ps = at.hits(hits);
            int n = at.text.length();
            int next = 0;
            for (int p : ps) {
                if (p < next) {
                    continue;
                }
                m.region(p, n);
                if (m.lookingAt()) {
                    sink.accept(m);
                    next = Math.max(m.end(), p + 1);
                }
            }
        };
    }

    /**
     * Searches windows from {@code before} characters ahead of each hit to {@code after} characters
     * past it: for expressions whose rare part (a ZIP code, a street type) is not where they begin.
     */
    static Anchor near(Hits hits, int before, int after) {
        return (at, m, sink) -> {
            int[] ps = at.hits(hits);
            int n = at.text.length();
            int next = 0;
            int i = 0;
            while (i < ps.length) {
                int from = Math.max(next, ps[i] - before);
                int to = Math.min(n, ps[i] + after);
                while (i + 1 < ps.length && ps[i + 1] - before <= to) {
                    to = Math.min(n, ps[++i] + after);
                }
                i++;
                if (from >= to) {
                    continue;
                }
                m.region(from, to);
                while (m.find()) {
                    sink.accept(m);
                    next = m.end();
                }
            }
        };
    }

    /** Searches each whitespace-free chunk that holds {@code key}: for e-mail and IPv6. */
    static Anchor chunksWith(char key) {
        return chunksWith(key, (t, k) -> true);
    }

    /** Tells whether the occurrence of a key character at {@code k} deserves a search. */
    @FunctionalInterface
    interface KeyTest {
        boolean test(String text, int k);
    }

    /**
     * Searches each whitespace-free chunk that holds {@code key} where {@code test} accepts it: for
     * domains, whose dot is followed by a letter.
     */
    static Anchor chunksWith(char key, KeyTest test) {
        return (at, m, sink) -> {
            String t = at.text;
            int next = 0;
            int k = t.indexOf(key);
            while (k >= 0) {
                if (!test.test(t, k)) {
                    k = t.indexOf(key, k + 1);
                    continue;
                }
                int from = Math.max(next, at.chunkStart(k));
                int to = at.chunkEnd(k);
                if (from < to) {
                    m.region(from, to);
                    while (m.find()) {
                        sink.accept(m);
                    }
                }
                next = to;
                k = t.indexOf(key, to);
            }
        };
    }

    /** A test of one position of a text. */
    @FunctionalInterface
    interface PositionTest {
        boolean test(Positions at, int p);
    }

    /** A list of positions in a text, ascending. */
    @FunctionalInterface
    interface Hits {

        int[] find(Positions at);

        /** Digit-run starts, shared so that every rule anchored on them reuses one list per text. */
        Hits DIGIT_RUNS = digitRuns();

        /** Word starts of tokens that hold a digit, shared like {@link #DIGIT_RUNS}. */
        Hits CODES = codes();

        /** Keeps the positions of this list that {@code keep} accepts. */
        default Hits where(PositionTest keep) {
            return at -> {
                int[] all = at.hits(this);
                int[] out = new int[all.length];
                int k = 0;
                for (int p : all) {
                    if (keep.test(at, p)) {
                        out[k++] = p;
                    }
                }
                return Arrays.copyOf(out, k);
            };
        }

        /** Keeps the positions of this list that {@code other} has a hit after, within {@code span}. */
        default Hits followedBy(Hits other, int span) {
            return where((at, p) -> {
                int[] o = at.hits(other);
                int i = Arrays.binarySearch(o, p + 1);
                int next = i >= 0 ? i : -i - 1;
                return next < o.length && o[next] <= p + span;
            });
        }

        /** Starts of word tokens that a lexicon list holds, by {@link Lexicons} bit. */
        static Hits lexicon(int bit) {
            Lexicons lex = Lexicons.get();
            return at -> {
                TextView v = at.view;
                int[] out = new int[8];
                int k = 0;
                for (int i = 0; i < v.size; i++) {
                    if (v.type[i] == TextView.WORD && v.in(i, lex, bit)) {
                        if (k == out.length) {
                            out = Arrays.copyOf(out, k * 2);
                        }
                        out[k++] = v.start[i];
                    }
                }
                return Arrays.copyOf(out, k);
            };
        }

        /** The start of every digit run. */
        static Hits digitRuns() {
            return at -> Arrays.copyOf(at.digitRuns, at.digitRunCount);
        }

        /** The start of every digit run, preceded by the position of one of {@code chars} just before it. */
        static Hits digitRunsOr(String chars) {
            return at -> {
                int[] out = new int[at.digitRunCount * 2];
                int k = 0;
                for (int i = 0; i < at.digitRunCount; i++) {
                    int r = at.digitRuns[i];
                    if (r > 0 && chars.indexOf(at.text.charAt(r - 1)) >= 0) {
                        out[k++] = r - 1;
                    }
                    out[k++] = r;
                }
                return Arrays.copyOf(out, k);
            };
        }

        /** The start of every digit run exactly {@code length} digits long. */
        static Hits digitRunsOfLength(int length) {
            return at -> {
                int[] out = new int[at.digitRunCount];
                int k = 0;
                for (int i = 0; i < at.digitRunCount; i++) {
                    if (at.digitRunEnds[i] - at.digitRuns[i] == length) {
                        out[k++] = at.digitRuns[i];
                    }
                }
                return Arrays.copyOf(out, k);
            };
        }

        /** Word starts whose token of letters, digits and hyphens holds a digit: codes and numbers. */
        static Hits codes() {
            return at -> {
                String t = at.text;
                int n = t.length();
                int[] out = new int[at.wordStartCount];
                int k = 0;
                for (int i = 0; i < at.wordStartCount; i++) {
                    int p = at.wordStarts[i];
                    for (int j = p; j < n; j++) {
                        char c = t.charAt(j);
                        if (c >= '0' && c <= '9') {
                            out[k++] = p;
                            break;
                        }
                        if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '-' && c != '_') {
                            break;
                        }
                    }
                }
                return Arrays.copyOf(out, k);
            };
        }

        /** Word starts that begin with one of {@code prefixes}, ignoring ASCII case. */
        static Hits words(String... prefixes) {
            int id = WordPrefixes.register(prefixes);
            return at -> at.wordsWithPrefix(id);
        }

        /** Every place where one of {@code needles} occurs, ignoring ASCII case. */
        static Hits substrings(String... needles) {
            return at -> {
                String lower = at.lowerAscii();
                int[] out = new int[8];
                int k = 0;
                for (String s : needles) {
                    for (int p = lower.indexOf(s); p >= 0; p = lower.indexOf(s, p + 1)) {
                        if (k == out.length) {
                            out = Arrays.copyOf(out, k * 2);
                        }
                        out[k++] = p;
                    }
                }
                int[] sorted = Arrays.copyOf(out, k);
                Arrays.sort(sorted);
                return sorted;
            };
        }

    }
}
