package org.clinigate.safety.rules;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The literals every match of a pattern starts with, and a search that only tries a pattern where one of them occurs.
 *
 * <p>{@link Matcher#find()} on a pattern such as {@code \b(?:write|give|send)\s+...} tries the whole pattern at each
 * of a 2 KB text's 2,048 positions; the JDK only skips ahead for patterns that begin with a plain literal. When every
 * match must begin with one of a few literals (after zero-width assertions such as {@code \b} or a look-behind),
 * {@link String#indexOf(String, int)} finds the few positions worth trying, and {@link Matcher#lookingAt()} there gives
 * exactly the match {@code find()} would: the leftmost start, then the same backtracking order. Profiling the gateway
 * showed the input rail's regular expressions at about 0.7 ms per 2 KB prompt, a fifth of its CPU per request.
 *
 * <p>The analysis is conservative: anything it does not understand (a class or {@code .} first, an optional first
 * atom, inline flags, anchors, {@code \G}, quoting) gives no leads, and the pattern runs as before. Immutable and
 * thread safe.
 */
final class Leads {

    private final String[] literals;
    /** The pattern begins with {@code \\b}: a lead that starts with a letter must start a word. */
    private final boolean wordStart;

    private Leads(Set<String> literals, boolean wordStart) {
        this.literals = literals.toArray(String[]::new);
        this.wordStart = wordStart;
    }

    /** The leads of {@code regex}, or null when no set of leading literals is certain. */
    static Leads of(String regex) {
        Set<String> s = literals(regex);
        return s == null ? null : new Leads(s, everyBranchStartsWithBoundary(regex));
    }

    /** True when each top-level alternative of {@code regex} begins with {@code \\b}. */
    static boolean everyBranchStartsWithBoundary(String regex) {
        int depth = 0;
        boolean inClass = false;
        int branchStart = 0;
        for (int i = 0; i <= regex.length(); i++) {
            if (i == regex.length() || !inClass && depth == 0 && regex.charAt(i) == '|') {
                if (!regex.startsWith("\\b", branchStart)) {
                    return false;
                }
                branchStart = i + 1;
                continue;
            }
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return true;
    }

    /**
     * False when no lead occurs in {@code [from, to)} of {@code text}: then the pattern has no match that starts
     * there, whatever its bounds. Literals whose trigrams the inspection lacks are not looked for.
     */
    boolean anyIn(String text, int from, int to, Inspection in) {
        for (String lit : literals) {
            if (in != null && !in.mayContain(lit)) {
                continue;
            }
            int i = text.indexOf(lit, from);
            if (i >= 0 && i < to) {
                return true;
            }
        }
        return false;
    }

    /** The set of leading literals of {@code regex}, or null. Visible for tests. */
    static Set<String> literals(String regex) {
        if (regex.contains("\\G") || regex.contains("\\Q")) {
            return null;
        }
        try {
            Parser p = new Parser(regex);
            Set<String> s = p.alternation();
            return p.pos == regex.length() && !p.anchored ? s : null;
        } catch (RuntimeException e) {
            return null; // an unusual construct: the pattern runs at every position
        }
    }

    /**
     * Finds the next match at or after {@code from} over the whole text, as {@code m.find()} from {@code from} would,
     * trying only positions where a leading literal occurs. Returns false when there is none.
     *
     * @param m a matcher of this pattern over {@code text}; its region and bounds are changed
     */
    boolean find(Matcher m, String text, int from) {
        return find(m, text, from, null);
    }

    /**
     * As {@link #find(Matcher, String, int)}; with an inspection, literals whose trigrams the text lacks are never
     * looked for. A candidate inside a word is skipped when the pattern begins with {@code \\b} and the lead with a
     * letter: an ASCII letter, digit or underscore before it means no boundary there, for any regex engine setting.
     */
    boolean find(Matcher m, String text, int from, Inspection in) {
        int len = text.length();
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int[] next = new int[literals.length];
        for (int i = 0; i < literals.length; i++) {
            next[i] = in != null && !in.mayContain(literals[i]) ? -1 : -2; // -2: not looked up; -1: none further
        }
        int at = from;
        while (at <= len) {
            int best = -1;
            for (int i = 0; i < literals.length; i++) {
                if (next[i] == -2 || (next[i] >= 0 && next[i] < at)) {
                    next[i] = text.indexOf(literals[i], at);
                }
                if (next[i] >= 0 && (best < 0 || next[i] < best)) {
                    best = next[i];
                }
            }
            if (best < 0) {
                return false;
            }
            if (!(wordStart && best > 0 && asciiWord(text.charAt(best - 1)) && Character.isLetter(text.charAt(best)))) {
                m.region(best, len);
                if (m.lookingAt()) {
                    return true;
                }
            }
            at = best + 1;
        }
        return false;
    }

    private static boolean asciiWord(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** A recursive-descent reader of just enough regex syntax to find the literals a match starts with. */
    private static final class Parser extends RegexReader {
        private boolean anchored;

        Parser(String re) {
            super(re);
        }

        /**
         * The leads of one branch, or null. While the leads are being read, zero-width items are passed over and
         * literals extend the run; the first atom that is not a plain literal ends it (a group gives its own leads
         * when it comes first and is required). The rest of the branch is read only to move past it.
         */
        @Override
        Set<String> branch() {
            StringBuilder run = new StringBuilder();
            Set<String> done = null;
            boolean unknown = false;
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                boolean reading = done == null && !unknown;
                char c = re.charAt(pos);
                if (c == '(') {
                    boolean zeroWidth = zeroWidthGroupAhead();
                    Set<String> g = group();
                    boolean optional = optionalNext();
                    skipQuantifier();
                    if (reading && !zeroWidth) {
                        if (!run.isEmpty()) {
                            done = Set.of(run.toString());
                        } else if (g == null || optional) {
                            unknown = true;
                        } else {
                            done = g;
                        }
                    }
                } else if (c == '\\' && (re.charAt(pos + 1) == 'b' || re.charAt(pos + 1) == 'B')) {
                    pos += 2;
                    if (reading && !run.isEmpty()) {
                        done = Set.of(run.toString());
                    }
                } else if (c == '^' || c == '$') {
                    pos++;
                    anchored = true;
                } else {
                    int literal = atom();
                    boolean optional = optionalNext();
                    boolean repeated = pos < re.length() && (re.charAt(pos) == '+' || re.charAt(pos) == '{');
                    skipQuantifier();
                    if (!reading) {
                        continue;
                    }
                    if (literal < 0 || optional) {
                        if (run.isEmpty()) {
                            unknown = true;
                        } else {
                            done = Set.of(run.toString());
                        }
                    } else {
                        run.append((char) literal);
                        if (repeated) {
                            done = Set.of(run.toString());
                        }
                    }
                }
            }
            if (unknown) {
                return null;
            }
            if (done == null && !run.isEmpty()) {
                done = Set.of(run.toString());
            }
            return done;
        }

        /** Reads one atom that is not a group: returns its character when it is a literal, else -1. */
        private int atom() {
            char c = re.charAt(pos);
            if (c == '[') {
                skipClass();
                return -1;
            }
            if (c == '.') {
                pos++;
                return -1;
            }
            if (c == '\\') {
                char e = re.charAt(pos + 1);
                pos += 2;
                if (Character.isLetterOrDigit(e)) {
                    skipEscapeArgument(e);
                    return -1;
                }
                return e;
            }
            pos++;
            return c;
        }

        private boolean zeroWidthGroupAhead() {
            return re.startsWith("(?=", pos) || re.startsWith("(?!", pos) || re.startsWith("(?<=", pos) || re
                    .startsWith("(?<!", pos);
        }

        /** Reads a group at '(' and returns its leads, or null (look-around, flags, unknown). */
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
                throw new IllegalStateException("inline flags or named group");
            }
            boolean outer = anchored;
            Set<String> inner = alternation();
            if (zeroWidth) {
                anchored = outer; // ^ or $ inside a look-around does not anchor the match itself
            }
            if (pos >= re.length() || re.charAt(pos) != ')') {
                throw new IllegalStateException("unbalanced group");
            }
            pos++;
            return zeroWidth ? null : inner;
        }
    }
}
