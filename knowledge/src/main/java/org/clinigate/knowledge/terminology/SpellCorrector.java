package org.clinigate.knowledge.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects a misspelled word to a known one: British spellings first ({@code anaemia}, {@code oesophagitis},
 * {@code tumour}), then the known word at the smallest Damerau-Levenshtein distance that keeps the first letter: one
 * edit, or two for words of nine letters or more; the more frequent on a tie. Words of fewer than four letters and
 * words with digits are never corrected. The limits are conservative because a problem often holds ordinary words
 * that no description has ("sore", "lice", "bloating"), and a wrong correction is worse than none. Immutable and
 * thread safe.
 */
final class SpellCorrector {

    private final Map<String, Integer> known;
    private final Map<Integer, List<String>> byLength = new HashMap<>();

    SpellCorrector(Map<String, Integer> known) {
        this.known = Map.copyOf(known);
        for (String word : this.known.keySet()) {
            byLength.computeIfAbsent(word.length(), k -> new ArrayList<>()).add(word);
        }
    }

    boolean isKnown(String word) {
        return known.containsKey(word);
    }

    /** The correction of an unknown word, or empty when it is known, too short, or has no close known word. */
    Optional<String> correct(String word) {
        if (known.containsKey(word) || word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        String american = word.replace("ae", "e").replace("oe", "e").replace("our", "or");
        if (!american.equals(word) && known.containsKey(american)) {
            return Optional.of(american);
        }
        int max = word.length() >= 9 ? 2 : 1;
        String best = null;
        int bestDistance = max + 1;
        int bestCount = -1;
        for (int len = word.length() - max; len <= word.length() + max; len++) {
            for (String candidate : byLength.getOrDefault(len, List.of())) {
                int d = distance(word, candidate, bestDistance);
                if (d > max || candidate.charAt(0) != word.charAt(0)) {
                    continue;
                }
                int count = known.get(candidate);
                if (d < bestDistance || (d == bestDistance && count > bestCount)) {
                    best = candidate;
                    bestDistance = d;
                    bestCount = count;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
