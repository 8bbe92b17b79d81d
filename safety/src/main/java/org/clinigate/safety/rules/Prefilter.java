package org.clinigate.safety.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cheap test that lets a pattern be skipped: a set of literal strings, one of which every match of the pattern
 * must contain. {@link String#contains} over a 2 KB text is far cheaper than running an alternation of thirty
 * branches at every position, and most texts contain none of a rule's words.
 *
 * <p>The set is derived from the pattern itself, conservatively: the parser understands literals, escapes, character
 * classes, groups, alternation and quantifiers; anything it cannot prove required (an optional group, a class, a
 * look-around) contributes nothing, and when no required literal of at least {@link #MIN} characters is found the
 * pattern gets no prefilter (null) and always runs. Immutable and thread safe.
 */
final class Prefilter {

    /** Shorter literals are too common to be worth testing. */
    static final int MIN = 3;

    private final List<String> words;

    private Prefilter(Set<String> words) {
        this.words = List.copyOf(words);
    }

    /** True when the text may hold a match: it contains one of the required literals. */
    boolean mayMatch(String folded) {
        for (String w : words) {
            if (folded.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same answer as {@link #mayMatch(String)} on the inspection's folded text, skipping the scan for literals
     * whose trigrams the text lacks ({@link Inspection#mayContain}).
     */
    boolean mayMatch(Inspection in) {
        String folded = in.folded();
        for (String w : words) {
            if (in.mayContain(w) && folded.contains(w)) {
                return true;
            }
        }
        return false;
    }

    List<String> words() {
        return words;
    }

    /** The prefilter of an alternation of {@code patterns}, or null when one of them has no required literal. */
    static Prefilter of(List<String> patterns) {
        Set<String> all = new LinkedHashSet<>();
        for (String p : patterns) {
            Set<String> s = required(p);
            if (s == null) {
                return null;
            }
            all.addAll(s);
        }
        return new Prefilter(all);
    }

    /** A set of literals one of which every match of {@code regex} contains, or null when none is known. */
    static Set<String> required(String regex) {
        try {
            Parser p = new Parser(regex);
            Set<String> s = p.alternation();
            return p.pos == regex.length() ? s : null;
        } catch (RuntimeException e) {
            return null; // an unusual construct: no prefilter, the pattern always runs
        }
    }

    /** A recursive-descent reader of just enough regex syntax to find required literals. */
    private static final class Parser extends RegexReader {

        Parser(String re) {
            super(re);
        }

        /** The best required set of one branch: its longest literal run, or a required group's set. */
        @Override
        Set<String> branch() {
            List<Set<String>> candidates = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                char c = re.charAt(pos);
                if (c == '(') {
                    flush(run, candidates);
                    Set<String> g = group();
                    if (g != null && !optionalNext()) {
                        candidates.add(g);
                    }
                    skipQuantifier();
                } else if (c == '[') {
                    flush(run, candidates);
                    skipClass();
                    skipQuantifier();
                } else if (c == '\\') {
                    char e = re.charAt(pos + 1);
                    pos += 2;
                    if (e == 'Q') {
                        throw new IllegalStateException("quoted literal");
                    }
                    if (Character.isLetterOrDigit(e)) {
                        skipEscapeArgument(e);
                        flush(run, candidates); // \b, \s, \w, \d ...: not a literal
                        skipQuantifier();
                    } else {
                        literal(e, run, candidates);
                    }
                } else if (c == '.' || c == '^' || c == '$') {
                    pos++;
                    flush(run, candidates);
                    skipQuantifier();
                } else {
                    pos++;
                    literal(c, run, candidates);
                }
            }
            flush(run, candidates);
            Set<String> best = null;
            for (Set<String> s : candidates) {
                if (best == null || shortest(s) > shortest(best)) {
                    best = s;
                }
            }
            return best;
        }

        /** A literal character: kept in the run unless a quantifier makes it optional or repeated. */
        private void literal(char c, StringBuilder run, List<Set<String>> candidates) {
            if (optionalNext()) {
                flush(run, candidates);
                skipQuantifier();
                return;
            }
            run.append(c);
            if (pos < re.length() && (re.charAt(pos) == '+' || re.charAt(pos) == '{')) {
                flush(run, candidates); // c is required once, but what follows may not be adjacent
                skipQuantifier();
            }
        }

        /** Reads a group after '(' and returns the set it requires, or null (optional, look-around, unknown). */
        private Set<String> group() {
            pos++;
            boolean zeroWidth = false;
            if (re.startsWith("?:", pos)) {
                pos += 2;
            } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                pos += 2;
                zeroWidth = true;
            } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                pos += 3;
                zeroWidth = true;
            } else if (pos < re.length() && re.charAt(pos) == '?') {
                // Inline flags such as (?m) or (?i:...): nothing here is trusted.
                while (pos < re.length() && re.charAt(pos) != ')' && re.charAt(pos) != ':') {
                    pos++;
                }
                if (re.charAt(pos) == ')') {
                    pos++;
                    return null;
                }
                pos++;
                zeroWidth = true;
            }
            Set<String> inner = alternation();
            if (pos >= re.length() || re.charAt(pos) != ')') {
                throw new IllegalStateException("unbalanced group");
            }
            pos++;
            return zeroWidth ? null : inner;
        }

        private static void flush(StringBuilder run, List<Set<String>> candidates) {
            if (run.length() >= MIN) {
                candidates.add(Set.of(run.toString()));
            }
            run.setLength(0);
        }

        private static int shortest(Set<String> s) {
            int m = Integer.MAX_VALUE;
            for (String w : s) {
                m = Math.min(m, w.length());
            }
            return m;
        }
    }
}
