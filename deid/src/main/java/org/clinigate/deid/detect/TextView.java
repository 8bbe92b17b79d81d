package org.clinigate.deid.detect;

import java.util.Arrays;
import java.util.Locale;
import org.clinigate.deid.lexicon.Lexicons;
import org.clinigate.deid.lexicon.PackedWords;

/**
 * A text and its word tokens, computed once and shared by the token-based detectors.
 *
 * <p>Tokens are letter runs (with inner apostrophes, as in O'Brien), digit runs, and single other
 * characters; whitespace is skipped. A possessive {@code 's} is split off, so "John's" yields "John".
 * Every token knows the case regime of its line: in an ALL-CAPS or all-lower-case line capitalisation
 * carries no signal, so the detectors lean on lexicons and context instead. Not thread safe; one view
 * per call.
 */
final class TextView {

    static final byte WORD = 1;
    static final byte NUMBER = 2;
    static final byte PUNCT = 3;

    static final byte MIXED = 0;
    static final byte UPPER = 1;
    static final byte LOWER = 2;

    final String text;
    int size;
    int[] start;
    int[] end;
    byte[] type;
    byte[] regime;
    /** True when a line break lies between this token and the previous one. */
    boolean[] lineStart;
    /** True for the first token of a line or of a sentence. */
    boolean[] sentenceStart;
    private String[] lower;
    private Positions positions;
    private int[] flags;
    private long[] cues;
    /** The lower-case characters of each short ASCII token packed as {@link PackedWords} says: first eight, next eight. */
    private long[] packed0;
    private long[] packed1;
    /** True for a token of at most {@link PackedWords#MAX_LENGTH} ASCII characters: its bits are looked up by packed key. */
    private boolean[] packable;

    /** Character classes of ASCII, as {@link Character#isWhitespace} and {@link Character#isLetter} say. */
    private static final byte SPACE = 1;
    private static final byte LETTER = 2;
    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_CLASS[c] = Character.isWhitespace(c) ? SPACE : Character.isLetter(c) ? LETTER : 0;
        }
    }

    private static boolean isSpace(char c) {
        return c < 128 ? ASCII_CLASS[c] == SPACE : Character.isWhitespace(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? ASCII_CLASS[c] == LETTER : Character.isLetter(c);
    }

    TextView(String text) {
        this.text = text;
        int cap = Math.max(16, text.length() / 4);
        start = new int[cap];
        end = new int[cap];
        type = new byte[cap];
        packed0 = new long[cap];
        packed1 = new long[cap];
        packable = new boolean[cap];
        shapes = new byte[cap];
        tokenize();
        lower = new String[size];
        regime = new byte[size];
        sentenceStart = new boolean[size];
        markLinesAndSentences();
    }

    private void tokenize() {
        String t = text;
        int n = t.length();
        int i = 0;
        lineStart = new boolean[start.length];
        boolean sawBreak = true;
        while (i < n) {
            char c = t.charAt(i);
            if (isSpace(c)) {
                if (c == '\n' || c == '\r') {
                    sawBreak = true;
                }
                i++;
                continue;
            }
            int s = i;
            byte kind;
            if (isLetter(c)) {
                i = scanWord(t, i + 1, n);
                kind = WORD;
            } else if (c >= '0' && c <= '9') {
                while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                    i++;
                }
                kind = NUMBER;
            } else {
                i++;
                if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(t.charAt(i))) {
                    i++;
                }
                kind = PUNCT;
            }
            add(s, i, kind, sawBreak);
            sawBreak = false;
        }
    }

    /** Letters, with an apostrophe kept inside a word unless it starts a possessive 's. */
    private static int scanWord(String t, int i, int n) {
        while (i < n) {
            char c = t.charAt(i);
            if (isLetter(c) || c >= 128 && Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && isLetter(t.charAt(i + 1))) {
                boolean possessive = (t.charAt(i + 1) == 's' || t.charAt(i + 1) == 'S')
                        && (i + 2 >= n || !isLetter(t.charAt(i + 2)));
                if (possessive) {
                    return i;
                }
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    private void add(int s, int e, byte kind, boolean brk) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            type = Arrays.copyOf(type, cap);
            lineStart = Arrays.copyOf(lineStart, cap);
            packed0 = Arrays.copyOf(packed0, cap);
            packed1 = Arrays.copyOf(packed1, cap);
            packable = Arrays.copyOf(packable, cap);
            shapes = Arrays.copyOf(shapes, cap);
        }
        start[size] = s;
        end[size] = e;
        type[size] = kind;
        lineStart[size] = brk;
        // The packed lower-case characters and letter case of an ASCII token, while its characters are at hand.
        String t = text;
        long k0 = 0;
        long k1 = 0;
        int shape = SHAPE_KNOWN;
        boolean plain = true;
        for (int k = s; k < e; k++) {
            char c = t.charAt(k);
            if (c >= 128) {
                plain = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                shape |= ANY_UPPER | (k == s ? FIRST_UPPER : 0);
                c += 32;
            } else if (c >= 'a' && c <= 'z') {
                shape |= ANY_LOWER | (k > s ? LOWER_AFTER_FIRST : 0);
            }
            int j = k - s;
            if (j < 8) {
                k0 |= (long) c << (8 * j);
            } else if (j < PackedWords.MAX_LENGTH) {
                k1 |= (long) c << (8 * (j - 8));
            }
        }
        packed0[size] = k0;
        packed1[size] = k1;
        packable[size] = plain && e - s <= PackedWords.MAX_LENGTH;
        shapes[size] = plain ? (byte) shape : 0;
        size++;
    }

    private void markLinesAndSentences() {
        int lineFirst = 0;
        for (int i = 0; i <= size; i++) {
            if (i == size || (i > 0 && lineStart[i])) {
                byte r = lineRegime(lineFirst, i);
                Arrays.fill(regime, lineFirst, i, r);
                lineFirst = i;
            }
            if (i < size) {
                sentenceStart[i] = i == 0 || lineStart[i] || isSentenceEnd(i - 1);
            }
        }
    }

    private boolean isSentenceEnd(int i) {
        if (type[i] != PUNCT) {
            return false;
        }
        char c = text.charAt(start[i]);
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '|' || c == '\u2022';
    }

    private byte lineRegime(int from, int to) {
        int words = 0;
        int upper = 0;
        int title = 0;
        int lowerWords = 0;
        for (int i = from; i < to; i++) {
            if (type[i] != WORD || end[i] - start[i] < 2) {
                continue;
            }
            words++;
            if (isAllUpper(i)) {
                upper++;
            } else if (Character.isUpperCase(text.charAt(start[i]))) {
                title++;
            } else {
                lowerWords++;
            }
        }
        if (words == 0) {
            return MIXED;
        }
        if (upper * 10 >= words * 7 && upper >= 2) {
            return UPPER;
        }
        if (title == 0 && lowerWords > 0 && upper * 3 < words) {
            return LOWER;
        }
        return MIXED;
    }

    /** The lexicon bits of word token {@code i} (see {@link Lexicons#flags}), looked up once per token. */
    int flags(int i, Lexicons lex) {
        int[] f = flags;
        if (f == null) {
            f = new int[size];
            Arrays.fill(f, -1);
            flags = f;
        }
        int b = f[i];
        if (b == -1) {
            b = type[i] != WORD
                    ? 0
                    : packable[i]
                            ? lex.flags(text, start[i], end[i], packed0[i], packed1[i])
                            : lex.flags(lower(i));
            f[i] = b;
        }
        return b;
    }

    /** The {@link CueSet} bits of token {@code i}, looked up once per token. */
    long cues(int i) {
        long[] c = cues;
        if (c == null) {
            c = new long[size];
            cues = c;
        }
        long b = c[i];
        if (b == 0) {
            b = packable[i]
                    ? CueSet.bitsOf(packed0[i], packed1[i])
                    : CueSet.bitsOf(lower(i));
            c[i] = b;
        }
        return b;
    }

    /** True when token {@code i} is in one of the lists named by {@code bits}. */
    boolean in(int i, Lexicons lex, int bits) {
        return (flags(i, lex) & bits) != 0;
    }

    /** Digit-run and word starts of the text, computed on first use. */
    Positions positions() {
        Positions p = positions;
        if (p == null) {
            p = new Positions(this);
            positions = p;
        }
        return p;
    }

    String lower(int i) {
        String l = lower[i];
        if (l == null) {
            l = text.substring(start[i], end[i]).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            lower[i] = l;
        }
        return l;
    }

    String raw(int i) {
        return text.substring(start[i], end[i]);
    }

    int length(int i) {
        return end[i] - start[i];
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && type[i] == WORD;
    }

    boolean isPunct(int i, char c) {
        return i >= 0 && i < size && type[i] == PUNCT && text.charAt(start[i]) == c;
    }

    private static final int SHAPE_KNOWN = 1;
    private static final int FIRST_UPPER = 1 << 1;
    private static final int LOWER_AFTER_FIRST = 1 << 2;
    private static final int ANY_LOWER = 1 << 3;
    private static final int ANY_UPPER = 1 << 4;
    /** The case of each token's letters, computed once: the detectors ask about it many times per token. */
    private byte[] shapes;

    private int shape(int i) {
        byte[] sh = shapes;
        int s = sh[i];
        if (s == 0) {
            s = SHAPE_KNOWN;
            for (int k = start[i]; k < end[i]; k++) {
                char c = text.charAt(k);
                if (Character.isLowerCase(c)) {
                    s |= ANY_LOWER | (k > start[i] ? LOWER_AFTER_FIRST : 0);
                } else if (Character.isUpperCase(c)) {
                    s |= ANY_UPPER | (k == start[i] ? FIRST_UPPER : 0);
                }
            }
            sh[i] = (byte) s;
        }
        return s;
    }

    /** First letter upper case and at least one lower-case letter: "Smith", "McDonald". */
    boolean isTitle(int i) {
        return (shape(i) & (FIRST_UPPER | LOWER_AFTER_FIRST)) == (FIRST_UPPER | LOWER_AFTER_FIRST);
    }

    boolean isAllUpper(int i) {
        return (shape(i) & ANY_LOWER) == 0;
    }

    boolean isAllLower(int i) {
        return (shape(i) & ANY_UPPER) == 0;
    }

    /** The first token that ends after {@code offset}, or -1. */
    int tokenAt(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < size ? lo : -1;
    }

    /** The last token that starts before {@code offset}, or -1. */
    int tokenBefore(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** True when tokens {@code i} and {@code i + 1} touch with no character between them. */
    boolean adjacent(int i) {
        return i + 1 < size && end[i] == start[i + 1];
    }
}
