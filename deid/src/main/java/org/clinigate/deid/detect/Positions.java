package org.clinigate.deid.detect;

import java.util.Arrays;

/**
 * Where a pattern rule may begin, precomputed in one pass over a text: the starts of digit runs and
 * of ASCII words. {@link Anchor}s use these lists so that a rule's regular expression is tried only
 * at the few places where it could match, instead of at every character.
 *
 * <p>"Word" follows {@code java.util.regex}'s default {@code \w} and {@code \b}, which are ASCII
 * only: a word start is an ASCII letter or digit not preceded by {@code [A-Za-z0-9_]}. Not thread
 * safe; one per {@link TextView}.
 */
final class Positions {

    final String text;
    /** The tokens of the same text, for hits that come from the lexicons. */
    final TextView view;
    /** Start of each maximal run of ASCII digits, ascending. */
    final int[] digitRuns;
    /** End (exclusive) of the run that starts at the same index of {@link #digitRuns}. */
    final int[] digitRunEnds;
    final int digitRunCount;
    /** Every ASCII letter or digit not preceded by a word character, ascending. */
    final int[] wordStarts;
    final int wordStartCount;
    private String lowerAscii;
    /** Digits before each offset, for {@link #digitsIn}. */
    private int[] digitCounts;
    private final java.util.IdentityHashMap<Anchor.Hits, int[]> hits = new java.util.IdentityHashMap<>();

    Positions(TextView view) {
        this.view = view;
        String text = view.text;
        this.text = text;
        int n = text.length();
        // Sized from the token count, which bounds both lists in all but odd scripts, so they rarely grow.
        int cap = view.size + 16;
        int[] runs = new int[cap];
        int[] runEnds = new int[cap];
        int[] words = new int[cap];
        int nr = 0;
        int nw = 0;
        boolean prevWord = false;
        boolean prevDigit = false;
        // One copy of the chars: this loop visits every character, and String.charAt's checks showed in profiles.
        char[] chars = text.toCharArray();
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            boolean digit = c >= '0' && c <= '9';
            boolean letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            if (digit && !prevDigit) {
                if (nr == runs.length) {
                    runs = Arrays.copyOf(runs, nr * 2);
                    runEnds = Arrays.copyOf(runEnds, nr * 2);
                }
                runs[nr++] = i;
            } else if (!digit && prevDigit) {
                runEnds[nr - 1] = i;
            }
            if ((digit || letter) && !prevWord) {
                if (nw == words.length) {
                    words = Arrays.copyOf(words, nw * 2);
                }
                words[nw++] = i;
            }
            prevDigit = digit;
            prevWord = digit || letter || c == '_';
        }
        if (prevDigit) {
            runEnds[nr - 1] = n;
        }
        digitRuns = runs;
        digitRunEnds = runEnds;
        digitRunCount = nr;
        wordStarts = words;
        wordStartCount = nw;
    }

    private int[][] prefixed;

    /** Word starts matching registered prefix list {@code id} (see {@link WordPrefixes}), all lists in one pass. */
    int[] wordsWithPrefix(int id) {
        int[][] p = prefixed;
        if (p == null || id >= p.length) {
            p = WordPrefixes.match(this);
            prefixed = p;
        }
        return p[id];
    }

    /** The positions {@code h} finds, computed once per text for each shared list. */
    int[] hits(Anchor.Hits h) {
        int[] r = hits.get(h);
        if (r == null) {
            r = h.find(this);
            hits.put(h, r);
        }
        return r;
    }

    /** Length of the run of ASCII letters and digits that starts at {@code p}. */
    int alnumRun(int p) {
        int n = text.length();
        int j = p;
        while (j < n) {
            char c = text.charAt(j);
            if (!(c >= '0' && c <= '9') && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
                break;
            }
            j++;
        }
        return j - p;
    }

    /** How many ASCII digits lie in {@code [from, to)}, clipped to the text. */
    int digitsIn(int from, int to) {
        int[] c = digitCounts;
        if (c == null) {
            c = new int[text.length() + 1];
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                c[i + 1] = c[i] + (ch >= '0' && ch <= '9' ? 1 : 0);
            }
            digitCounts = c;
        }
        return c[Math.min(to, text.length())] - c[Math.max(0, from)];
    }

    /** Length of the digit run that starts at {@code p}. */
    int digitRunLength(int p) {
        int j = p;
        while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        return j - p;
    }

    /** The text with ASCII letters folded to lower case; same length and offsets as the text. */
    String lowerAscii() {
        String l = lowerAscii;
        if (l == null) {
            char[] cs = text.toCharArray();
            for (int i = 0; i < cs.length; i++) {
                char c = cs[i];
                if (c >= 'A' && c <= 'Z') {
                    cs[i] = (char) (c + 32);
                }
            }
            l = new String(cs);
            lowerAscii = l;
        }
        return l;
    }

    /** Start of the whitespace-free chunk around {@code i}. */
    int chunkStart(int i) {
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** End (exclusive) of the whitespace-free chunk around {@code i}. */
    int chunkEnd(int i) {
        int n = text.length();
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
