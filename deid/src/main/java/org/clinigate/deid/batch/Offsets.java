package org.clinigate.deid.batch;

/**
 * Converts between Java's UTF-16 offsets and the Unicode code-point offsets of the JSONL wire format
 * (what Python's {@code str} indexing uses). Identity for text without supplementary characters.
 */
public final class Offsets {

    private Offsets() {
    }

    /** True when UTF-16 and code-point offsets coincide in {@code text}. */
    public static boolean simple(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static int toCodePoint(String text, int utf16) {
        return text.codePointCount(0, utf16);
    }

    public static int toUtf16(String text, int codePoint) {
        return text.offsetByCodePoints(0, codePoint);
    }
}
