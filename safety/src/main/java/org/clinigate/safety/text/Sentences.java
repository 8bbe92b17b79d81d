package org.clinigate.safety.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentence-like ranges {@code [start, end)}: at '.', '!' or '?' followed by white space, at ';', and
 * at line breaks. A dot between digits (0.5 mg), after a one-letter abbreviation (q.d., e.g.) or after a few common
 * clinical abbreviations does not end a sentence. Good enough to scope a negation or a drug to its clause; not a
 * linguistic parser. Stateless and thread safe.
 */
public final class Sentences {

    private static final String[] ABBREVIATIONS = {"e.g", "i.e", "vs", "dr", "mr", "mrs", "ms", "approx", "max",
            "min", "fig", "et al", "tab", "caps", "inj", "susp", "ref"};

    private Sentences() {
    }

    /** The ranges of {@code text}, in order, covering every non-blank stretch; each is trimmed of white space. */
    public static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == ';' || ((c == '!' || c == '?') && followedBySpace(text, i))
                    || (c == '.' && followedBySpace(text, i) && !abbreviation(text, start, i));
            if (end) {
                add(text, start, i + 1, out);
                start = i + 1;
            }
        }
        add(text, start, n, out);
        return out;
    }

    /**
     * The range of {@code sentences} (as {@link #split} returns them) that holds {@code offset}, by binary search;
     * the whole text {@code [0, length)} when none does (the offset is in white space between sentences).
     */
    public static int[] at(List<int[]> sentences, int offset, int length) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] s = sentences.get(mid);
            if (offset < s[0]) {
                hi = mid - 1;
            } else if (offset >= s[1]) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return new int[]{0, length};
    }

    private static boolean followedBySpace(String t, int i) {
        return i + 1 >= t.length() || Character.isWhitespace(t.charAt(i + 1));
    }

    private static boolean abbreviation(String t, int from, int dot) {
        int w = dot;
        while (w > from && (Character.isLetter(t.charAt(w - 1)) || t.charAt(w - 1) == '.')) {
            w--;
        }
        String word = t.substring(w, dot).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1) {
            return true;
        }
        for (String a : ABBREVIATIONS) {
            if (word.equals(a) || word.endsWith("." + a)) {
                return true;
            }
        }
        return false;
    }

    private static void add(String t, int from, int to, List<int[]> out) {
        while (from < to && Character.isWhitespace(t.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(t.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(new int[]{from, to});
        }
    }
}
