package org.clinigate.safety.text;

/**
 * The one form every rule pattern sees: lower case, typographic quotes and dashes folded to ASCII, non-breaking and
 * other exotic spaces folded to a space. The folded text has exactly the length of the input, so an offset found in
 * it is an offset into the original. Stateless and thread safe.
 */
public final class Folding {

    private Folding() {
    }

    /** Folds {@code s} character by character; the result has the same length. */
    public static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return switch (c) {
            case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '\u0060' -> '\'';
            case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003', '\u3000' -> ' ';
            case '\u00b5', '\u03bc' -> '\u00b5';
            default -> {
                char l = Character.toLowerCase(c);
                // A lower-case form outside the BMP pair would change the length; keep the original then.
                yield Character.isSurrogate(c) ? c : l;
            }
        };
    }
}
