package org.clinigate.deid.lexicon;

/**
 * Comparison of a lower-case word with a region of text whose ASCII capitals count as lower case: how the word
 * tables look up a token without building its lower-case string. Stateless.
 */
public final class AsciiFold {

    private AsciiFold() {
    }

    /**
     * True when {@code key} equals the {@code key.length()} characters of {@code text} at {@code from} with A-Z folded
     * to a-z. The caller has checked that the region is that long.
     */
    public static boolean sameLower(String key, String text, int from) {
        // Most tokens are lower case, or capitalised: fold the first character, then try the intrinsic on the rest.
        int len = key.length();
        char first = text.charAt(from);
        if (first >= 'A' && first <= 'Z') {
            first += 32;
        }
        if (first != key.charAt(0)) {
            return false;
        }
        if (text.regionMatches(from + 1, key, 1, len - 1)) {
            return true;
        }
        for (int j = 1; j < len; j++) {
            char c = text.charAt(from + j);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != key.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
