package org.clinigate.knowledge.cite;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Finds a claim in a source: verbatim, then normalized, then fuzzily. The fuzzy score is the share of the claim's
 * content words found in the best window of one to five consecutive source sentences (80%) plus the share of its
 * word pairs found there (20%); a number in the claim that the window lacks halves the score, because a changed
 * dose or threshold is the error that matters most.
 */
final class TextMatch {

    record Result(Finding.Match match, double score) {
    }

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for",
            "with", "by", "at", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
            "that", "these", "those", "which", "who", "should", "can", "may", "might", "must", "will", "would",
            "also", "than", "then", "there", "their", "they", "them", "he", "she", "his", "her", "we", "our", "you",
            "your", "per", "into", "about", "such", "if", "when", "while", "so", "do", "does", "has", "have", "had",
            "according", "recommends", "recommend", "recommended", "states", "guideline", "guidelines", "source",
            "says", "notes", "see", "refer", "note");
    /** Irregular forms that stemming does not join to their verb. */
    private static final java.util.Map<String, String> IRREGULAR = java.util.Map.of("given", "give", "taken", "take",
            "shown", "show", "done", "do", "seen", "see", "chosen", "choose", "written", "write", "known", "know");

    /**
     * "Within one hour" and "within 1 hour" say the same, as do "five hundred milligrams" and "500 mg": number words
     * up to the thousands become digits.
     */
    private static final List<String> SMALL_NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final List<String> TENS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");
    private static final String NUMBER_WORD_ALTERNATIVES = String.join("|", SMALL_NUMBERS) + "|" + String.join("|",
            TENS) + "|hundred|thousand";
    private static final Pattern NUMBER_WORD = Pattern.compile("\\b(?:" + NUMBER_WORD_ALTERNATIVES + ")(?:(?:\\s+and)?"
            + "[\\s-]+(?:" + NUMBER_WORD_ALTERNATIVES + "))*\\b");

    /** "the FDA's summary" names the FDA. */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['\u2019]s\\b");
    private static final Pattern COMPARISON = Pattern.compile("\\s*([<>]=?)\\s*");

    private TextMatch() {
    }

    /** How well {@code source} supports {@code claim}. */
    static Result match(String claim, String source) {
        return match(claim, source, "");
    }

    /**
     * How well {@code source} supports {@code claim}; words of the claim that name the source ({@code sourceName}:
     * its title and issuer, as in "the Surviving Sepsis Campaign guidelines say") are not counted as claim content.
     */
    static Result match(String claim, String source, String sourceName) {
        if (source.contains(claim)) {
            return new Result(Finding.Match.EXACT, 1.0);
        }
        String nc = normalize(claim);
        String ns = normalize(source);
        if (!nc.isBlank() && ns.contains(nc)) {
            return new Result(Finding.Match.NORMALIZED, 1.0);
        }
        List<String> naming = words(normalize(sourceName));
        List<String> content = new ArrayList<>(words(nc));
        List<String> withoutNames = content.stream().filter(w -> !naming.contains(w)).toList();
        // Keep the source's own words when the claim is about nothing else.
        double score = fuzzy(withoutNames.size() >= 2 ? withoutNames : content, ns);
        score = numbersTogether(claim, sentences(ns), naming) && unitsAgree(nc, ns) ? score : score / 2;
        return new Result(Finding.Match.FUZZY, Clauses.agree(claim, source) ? score : score / 2);
    }

    /**
     * True when the claim's numbers, units, negations and bounds all agree with {@code source}: the checks that halve
     * a fuzzy score, asked on their own for a paraphrase whose words differ ({@link Finding.Match#SEMANTIC}).
     */
    static boolean factsAgree(String claim, String source, String sourceName) {
        String nc = normalize(claim);
        String ns = normalize(source);
        return numbersTogether(claim, sentences(ns), words(normalize(sourceName))) && unitsAgree(nc, ns) && Clauses
                .agree(claim, source);
    }

    /**
     * How well {@code source} supports a direct quotation: only verbatim or normalized text counts (each part, when
     * an ellipsis leaves words out). A fuzzy score is reported but kept below any quotation threshold, because a
     * misquote usually differs by one word ("not") or one number.
     */
    static Result matchQuote(String quote, String source) {
        if (source.contains(quote)) {
            return new Result(Finding.Match.EXACT, 1.0);
        }
        String ns = normalize(source);
        boolean all = true;
        boolean any = false;
        for (String part : quote.split("\\.\\.\\.|\u2026|\\[\\.\\.\\.\\]")) {
            String np = normalize(part);
            if (!np.isBlank()) {
                any = true;
                all &= ns.contains(np);
            }
        }
        if (any && all) {
            return new Result(Finding.Match.NORMALIZED, 1.0);
        }
        return new Result(Finding.Match.FUZZY, Math.min(0.85, fuzzy(words(normalize(quote)), ns)));
    }

    /** How many content words the claim has: claims with fewer than two are not checked. */
    static int contentWords(String claim) {
        return words(normalize(claim)).size();
    }

    static double fuzzy(List<String> claim, String normalizedSource) {
        if (claim.isEmpty()) {
            return 0;
        }
        List<String> sentences = sentences(normalizedSource);
        double best = 0;
        for (int i = 0; i < sentences.size(); i++) {
            StringBuilder window = new StringBuilder();
            for (int w = 0; w < 5 && i + w < sentences.size(); w++) {
                window.append(' ').append(sentences.get(i + w));
                best = Math.max(best, score(claim, words(window.toString())));
            }
        }
        return best;
    }

    /**
     * True when each clause of the claim (split at commas, semicolons and "and") has its numbers, counted with
     * repeats, together in one source sentence. "6 months to 6 years receive 300 micrograms" takes the ages from one
     * line of a dose list and the dose from another; "3 to 6 months with 38 C" joins two rows of a risk table. Each
     * number occurs somewhere in the source, but not together.
     */
    static boolean numbersTogether(String claim, List<String> sentences, List<String> naming) {
        List<Map<String, Integer>> pieces = new ArrayList<>();
        for (String s : sentences) {
            pieces.add(numbers(words(s)));
        }
        for (String clause : claim.split("(?<!\\d),|,(?!\\d{3})|;|\\band\\b")) {
            Map<String, Integer> wanted = numbers(words(normalize(clause)));
            wanted.keySet().removeAll(naming); // "the FDA's 2016 communication": the year names the source
            if (wanted.isEmpty()) {
                continue;
            }
            boolean found = false;
            for (Map<String, Integer> have : pieces) {
                boolean all = true;
                for (var e : wanted.entrySet()) {
                    all &= have.getOrDefault(e.getKey(), 0) >= e.getValue();
                }
                if (all) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Stems of the units and counted things a number can be followed by ("4 doses", "45 mL/min", "3 months"). */
    private static final Set<String> UNITS = Set.of("mg", "g", "mcg", "kg", "ml", "l", "dl", "mmol", "mol", "mmhg",
            "hour", "day", "week", "month", "year", "minut", "min", "second", "dose", "tablet", "capsul", "time",
            "unit", "c", "f", "percent", "puff", "drop", "breath", "beat", "microgram", "milligram", "gram");
    /** Masses in micrograms per unit, so that "0.3 mg" meets "300 micrograms". */
    private static final Map<String, Double> MASS = Map.of("mcg", 1.0, "microgram", 1.0, "mg", 1e3, "milligram", 1e3,
            "g", 1e6, "gram", 1e6);

    /**
     * False when the claim puts a number before a unit (or counted thing) and the source puts that number only before
     * other units: "no more than 4 doses" where the source has "every 4 to 6 hours" and "5 doses". A range shares its
     * unit ("4 to 6 hours" gives 4 hours and 6 hours); masses are in micrograms ({@link #words}); a number the source gives
     * without a unit (a table whose header names it) is left to the other checks.
     */
    static boolean unitsAgree(String normalizedClaim, String normalizedSource) {
        Map<String, Set<String>> have = new HashMap<>();
        for (String[] p : unitPairs(words(normalizedSource))) {
            have.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[1]);
        }
        for (String[] p : unitPairs(words(normalizedClaim))) {
            Set<String> units = have.get(p[0]);
            if (units != null && !units.contains(p[1])) {
                return false;
            }
        }
        return true;
    }

    /** {number, unit} for each number whose next word, past further numbers of its range, is a unit. */
    private static List<String[]> unitPairs(List<String> words) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!isNumber(words.get(i)) || words.get(i).endsWith("%")) {
                continue;
            }
            int j = i + 1;
            while (j < words.size() && isNumber(words.get(j))) {
                j++;
            }
            if (j < words.size() && UNITS.contains(words.get(j))) {
                out.add(new String[]{words.get(i), words.get(j)});
            }
        }
        return out;
    }

    private static Map<String, Integer> numbers(List<String> words) {
        Map<String, Integer> out = new HashMap<>();
        for (String w : words) {
            if (isNumber(w)) {
                out.merge(w, 1, Integer::sum);
            }
        }
        return out;
    }

    private static double score(List<String> claim, List<String> window) {
        Set<String> have = new HashSet<>(window);
        Set<String> pairs = new HashSet<>();
        for (int i = 1; i < window.size(); i++) {
            pairs.add(window.get(i - 1) + ' ' + window.get(i));
        }
        int found = 0;
        boolean numberMissing = false;
        for (String w : claim) {
            if (have.contains(w)) {
                found++;
            } else if (isNumber(w)) {
                numberMissing = true;
            }
        }
        int pairCount = 0;
        int pairFound = 0;
        for (int i = 1; i < claim.size(); i++) {
            pairCount++;
            pairFound += pairs.contains(claim.get(i - 1) + ' ' + claim.get(i)) ? 1 : 0;
        }
        double s = 0.8 * found / claim.size() + (pairCount == 0
                ? 0.2 * found / claim.size()
                : 0.2 * pairFound
                        / pairCount);
        return numberMissing ? s / 2 : s;
    }

    /** Lower case, compatibility forms folded, dashes and quotes unified, punctuation other than . and % gone. */
    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = POSSESSIVE.matcher(n).replaceAll("");
        n = n.replaceAll("[\\u2010-\\u2015\\u2212]", "-").replaceAll("[\\u2018\\u2019\\u201c\\u201d\"'`]", "");
        n = COMPARISON.matcher(n).replaceAll(" $1 "); // "<120" and "< 120" are the same bound on 120
        n = n.replace("≥", " >= ").replace("≤", " <= ").replace("µg", "mcg").replace("μg", "mcg");
        n = n.replaceAll("(?<=\\d),(?=\\d{3})", "");
        n = n.replaceAll("[^\\p{L}\\p{N}.%<>=\\-\\s]", " ");
        n = NUMBER_WORD.matcher(n).replaceAll(m -> numberOf(m.group()));
        return n.replaceAll("\\s+", " ").strip();
    }

    /** The value of number words such as "eight hundred and fifty" or "twenty-five", in digits. */
    private static String numberOf(String words) {
        long total = 0;
        long current = 0;
        for (String w : words.split("[\\s-]+")) {
            int small = SMALL_NUMBERS.indexOf(w);
            int tens = TENS.indexOf(w);
            if (small >= 0) {
                current += small;
            } else if (tens >= 0) {
                current += 20L + 10L * tens;
            } else if (w.equals("hundred")) {
                current = Math.max(1, current) * 100;
            } else if (w.equals("thousand")) {
                total += Math.max(1, current) * 1000;
                current = 0;
            }
        }
        return String.valueOf(total + current);
    }

    /**
     * Content words, lightly stemmed; numbers kept whole (2.5 stays 2.5). A mass is written in micrograms, so that
     * "0.3 mg", "300 micrograms" and "300 mcg" give the same words.
     */
    static List<String> words(String normalized) {
        List<String> out = new ArrayList<>();
        for (String raw : normalized.split("[\\s\\-/]+")) {
            String w = raw.replaceAll("^[.]+|[.]+$", "");
            if (w.isEmpty() || STOP.contains(w)) {
                continue;
            }
            out.add(isNumber(w) ? w : stem(IRREGULAR.getOrDefault(w, w)));
        }
        for (int i = 0; i < out.size(); i++) {
            int j = i;
            while (j < out.size() && isNumber(out.get(j)) && !out.get(j).endsWith("%")) {
                j++;
            }
            Double mass = j > i && j < out.size() ? MASS.get(out.get(j)) : null;
            if (mass != null) {
                for (int k = i; k < j; k++) {
                    out.set(k, new BigDecimal(out.get(k)).multiply(BigDecimal.valueOf(mass)).stripTrailingZeros()
                            .toPlainString());
                }
                out.set(j, "mcg");
            }
            i = Math.max(i, j);
        }
        return out;
    }

    static boolean isNumber(String w) {
        return !w.isEmpty() && Character.isDigit(w.charAt(0)) && w.matches("\\d+(\\.\\d+)?%?");
    }

    /** The Porter2 stem, so that "checks", "checked" and "checking" meet. */
    static String stem(String w) {
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static List<String> sentences(String normalized) {
        List<String> out = new ArrayList<>();
        for (String s : normalized.split("(?<=[.;:!?])\\s+(?=\\D)|\\n")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
