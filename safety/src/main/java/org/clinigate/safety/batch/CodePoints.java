package org.clinigate.safety.batch;

/** Converts UTF-16 offsets to Unicode code-point offsets, as JSONL consumers in most languages count. */
final class CodePoints {

    private CodePoints() {
    }

    /** True when {@code s} has no surrogate pairs, so both offsets agree. */
    static boolean simple(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The code-point offset of UTF-16 offset {@code utf16} in {@code s}. */
    static int of(String s, int utf16) {
        return s.codePointCount(0, Math.min(utf16, s.length()));
    }
}
