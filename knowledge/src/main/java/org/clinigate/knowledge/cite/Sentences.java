package org.clinigate.knowledge.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into sentences as offsets. A sentence ends at '.', '?' or '!' followed, after any citation
 * markers, closing quotes or brackets, by white space or the end; or at a line break (list items). A full stop
 * inside a number (2.5) or an abbreviation followed by a lower-case word does not end a sentence.
 */
final class Sentences {

    private Sentences() {
    }

    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(text, out, start, i);
                start = ++i;
                continue;
            }
            if (c == '.' || c == '?' || c == '!') {
                int j = skipClosers(text, i + 1);
                if (j >= text.length() || Character.isWhitespace(text.charAt(j)) && !lowerCaseFollows(text, j)) {
                    add(text, out, start, j);
                    start = j;
                    i = j;
                    continue;
                }
            }
            i++;
        }
        add(text, out, start, text.length());
        return out;
    }

    /** Past citation markers, closing quotes and brackets right after a full stop: "... end.[2] Next". */
    private static int skipClosers(String text, int j) {
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '[') {
                int close = text.indexOf(']', j);
                if (close < 0 || close - j > 20) {
                    return j;
                }
                j = close + 1;
            } else if (c == '"' || c == '\u201d' || c == ')' || c == '\'') {
                j++;
            } else if (c == ' ' && markerFollows(text, j)) {
                j++; // "... routine visit." [1]: the marker after a closing quote still closes this sentence
            } else {
                return j;
            }
        }
        return j;
    }

    /** True when spaces and then a citation marker such as [1] or [2, 3] start at {@code j}. */
    private static boolean markerFollows(String text, int j) {
        int k = j;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        if (k >= text.length() || text.charAt(k) != '[') {
            return false;
        }
        int close = text.indexOf(']', k);
        return close > k + 1 && close - k <= 20 && text.substring(k + 1, close).matches("[\\d,\\s\\u2013-]+");
    }

    private static boolean lowerCaseFollows(String text, int j) {
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j < text.length() && Character.isLowerCase(text.charAt(j));
    }

    private static void add(String text, List<int[]> out, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[]{start, end});
        }
    }
}
