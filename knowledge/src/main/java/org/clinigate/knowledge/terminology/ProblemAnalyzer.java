package org.clinigate.knowledge.terminology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Turns a free-text problem into weighted concepts: abbreviations expanded, a trailing "on ..." (the treatment, as in
 * "afib on warfarin") dropped, a leading "on" read as long-term use, roman numerals after type or stage made digits, words after "without", "no" or "not" marked negated,
 * misspellings corrected, words stemmed and given their alternatives, index defaults added. A word weighs its
 * inverse document frequency times its word-list factor. Thread safe.
 */
final class ProblemAnalyzer {

    /**
     * One word of the problem.
     *
     * @param stem the word's stem
     * @param forms the stems a description may have to match it (the stem and its alternatives)
     * @param optional true when it only lifts descriptions that have it (parentheses in an expansion, defaults)
     * @param negated true after "without", "no" or "not": a description should exclude it, not have it
     * @param weight its inverse document frequency over the descriptions
     */
    record Concept(String stem, Set<String> forms, boolean optional, boolean negated, double weight) {
        Concept {
            forms = Set.copyOf(forms);
        }
    }

    private static final Map<String, String> ROMAN = Map.of("i", "1", "ii", "2", "iii", "3", "iv", "4", "v", "5",
            "vi", "6");
    private static final Set<String> QUALIFIER_HEADS = Set.of("type", "stage", "grade", "class", "degree");
    private static final Set<String> ROUTE_WORDS = Set.of("drug", "drugs", "fluid", "fluids", "access",
            "antibiotic", "antibiotics", "contrast", "iron", "line");
    /** Words after which "on" belongs to the condition ("findings on imaging", "dyspnea on exertion"), not a treatment. */
    private static final Set<String> KEEPS_ON = Set.of("dependence", "dependent", "reliance", "findings", "finding",
            "lesion", "significance", "unsteadiness", "dyspnea", "stress", "effects", "acting", "exposure", "fall",
            "hearing");
    private static final Set<String> NEGATIONS = Set.of("without", "no", "not");
    /** "hx", "hx of" and "h/o" written out, so that the word lists' "history of ..." entries see them. */
    private static final java.util.regex.Pattern HISTORY = java.util.regex.Pattern.compile(
            "(?<![a-z0-9])(hx of|hx|h/o)(?![a-z0-9/])");
    /** What a patient is "on" that is a dependence on a machine or device, not a long-term drug ("on dialysis"). */
    private static final Set<String> DEPENDENCES = Set.of("dialysis", "hemodialysis", "hd", "oxygen", "o2", "home",
            "ventilator", "vent", "cpap", "bipap", "wheelchair");
    /** Words whose scope runs to the end of a problem, so that an inverted problem keeps its order. */
    private static final java.util.regex.Pattern SCOPING = java.util.regex.Pattern.compile(
            " (without|w/o|wo|no|not|non|with|w/|on|due|secondary|2/2|s/p|h/o|hx|history|of|in|and|or|&) ");
    /** Words after which "a" is a letter, not the article ("hepatitis A", "influenza A", "group A strep"). */
    private static final Set<String> LETTER_HEADS = Set.of("hepatitis", "influenza", "hemophilia", "vitamin",
            "group", "factor", "type", "blood", "cluster", "protein");

    private final Lexicon lexicon;
    private final DescriptionIndex index;
    private final SpellCorrector speller;
    private final Set<String> keyWords;

    ProblemAnalyzer(Lexicon lexicon, DescriptionIndex index) {
        this.lexicon = lexicon;
        this.index = index;
        Map<String, Integer> known = new java.util.HashMap<>(index.vocabulary());
        lexicon.singleWordKeys().forEach(k -> known.putIfAbsent(k, 1));
        this.speller = new SpellCorrector(known);
        this.keyWords = Set.copyOf(lexicon.keyWords());
    }

    List<Concept> analyze(String problem) {
        List<Tokens.Token> tokens = corrected(Tokens.scan(lexicon.expand(spelled(prepared(problem)))));
        Map<String, Concept> concepts = new LinkedHashMap<>();
        Map<String, Boolean> said = new java.util.HashMap<>(); // every stem the problem has, even unknown ones
        boolean negated = false;
        for (int i = 0; i < tokens.size(); i++) {
            Tokens.Token t = tokens.get(i);
            if (t.word().equals("on") && i > 0 && !KEEPS_ON.contains(tokens.get(i - 1).word()) && !(i + 1 < tokens
                    .size() && tokens.get(i + 1).word().equals("chronic"))) {
                break;
            }
            if (NEGATIONS.contains(t.word())) {
                negated = true;
                continue;
            }
            negated &= !t.word().equals("with");
            String word = roman(tokens, i);
            boolean alphanumeric = word.length() > 1 && Character.isDigit(word.charAt(0)) && Character.isLetter(word
                    .charAt(word.length() - 1));
            if (alphanumeric && index.documentFrequency(word) == 0) {
                word = word.replaceAll("[a-z]+$", ""); // "3b" where the release only has stage 3
                alphanumeric = false;
            }
            said.merge(Tokens.stem(word), negated, Boolean::logicalAnd);
            boolean letter = word.equals("a") && i > 0 && LETTER_HEADS.contains(tokens.get(i - 1).word());
            add(concepts, word, t.optional(), negated, letter ? 1.0 : lexicon.weight(word));
            if (alphanumeric) {
                String number = word.replaceAll("[a-z]+$", "");
                add(concepts, number, true, negated, lexicon.weight(number));
            }
        }
        addDefaults(concepts, said);
        return List.copyOf(concepts.values());
    }

    /**
     * The problem as words to embed: normalized, in reading order, "hx" and a leading "on" written out, abbreviations
     * expanded without their optional (parenthesized) words, which read as noise in a sentence.
     */
    String expandedText(String problem) {
        String expanded = lexicon.expand(spelled(prepared(problem)));
        return OPTIONAL_WORDS.matcher(expanded).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static final java.util.regex.Pattern OPTIONAL_WORDS = java.util.regex.Pattern.compile(
            "[(\\[][^)\\]]*[)\\]]");

    /** Normalized, in reading order, with "hx" and a leading "on" written out; not yet expanded. */
    private static String prepared(String problem) {
        String text = HISTORY.matcher(uninverted(Tokens.normalize(problem).strip())).replaceAll("history of");
        if (text.startsWith("on ")) {
            String rest = text.substring(3);
            text = (DEPENDENCES.contains(rest.split("\\s+")[0]) ? "dependence on " : "long term (current) use of ")
                    + rest;
        }
        return text;
    }

    /**
     * An inverted problem as clinicians list them ("pancreatitis, acute", "neuropathy, peripheral", "RA,
     * seropositive") put back in reading order ("acute pancreatitis"), so that the word lists see the phrase they
     * name. Only one comma, a qualifier of at most three words, and no word that scopes what follows it (negations,
     * "with", "on", "due to") in either part.
     */
    static String uninverted(String text) {
        int comma = text.indexOf(',');
        if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
            return text;
        }
        String head = text.substring(0, comma).strip();
        String qualifier = text.substring(comma + 1).strip();
        String[] words = qualifier.split("\\s+");
        if (head.isEmpty() || qualifier.isEmpty() || words.length > 3 || SCOPING.matcher(" " + text.replace(',', ' ')
                + " ").find()) {
            return text;
        }
        return qualifier + " " + head;
    }

    /**
     * Misspelled plain words corrected before the word lists are applied, so that a misspelled or British word inside
     * a listed phrase ("pernicious anaemia", "underactive thyriod") still finds its entry. Words of any key are left
     * as written, and so are words joined to digits, hyphens or slashes.
     */
    private String spelled(String text) {
        Matcher m = PLAIN_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String word = m.group();
            Optional<String> fix = keyWords.contains(word) ? Optional.empty() : speller.correct(word);
            m.appendReplacement(out, Matcher.quoteReplacement(fix.orElse(word)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final java.util.regex.Pattern PLAIN_WORD = java.util.regex.Pattern.compile(
            "(?<![a-z0-9/-])[a-z]{4,}(?![a-z0-9/-])");

    /** Misspelled words replaced by their correction, re-expanded when the correction is an abbreviation key. */
    private List<Tokens.Token> corrected(List<Tokens.Token> tokens) {
        List<Tokens.Token> out = new ArrayList<>(tokens.size());
        for (Tokens.Token t : tokens) {
            Optional<String> fix = lexicon.isKey(t.word()) ? Optional.empty() : speller.correct(t.word());
            if (fix.isEmpty()) {
                out.add(t);
            } else if (lexicon.isKey(fix.get())) {
                out.addAll(Tokens.scan(lexicon.expand(fix.get())));
            } else {
                out.add(new Tokens.Token(fix.get(), t.optional()));
            }
        }
        return out;
    }

    private static String roman(List<Tokens.Token> tokens, int i) {
        String word = tokens.get(i).word();
        String digit = ROMAN.get(word);
        if (digit == null) {
            return word;
        }
        boolean afterHead = i > 0 && QUALIFIER_HEADS.contains(tokens.get(i - 1).word());
        boolean beforeRoute = i + 1 < tokens.size() && ROUTE_WORDS.contains(tokens.get(i + 1).word());
        boolean ambiguous = word.equals("i") || word.equals("v") || word.equals("vi");
        return afterHead || (!ambiguous && !beforeRoute) ? digit : word;
    }

    private void add(Map<String, Concept> concepts, String word, boolean optional, boolean negated, double factor) {
        String stem = Tokens.stem(word);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(stem);
        forms.addAll(lexicon.alternatives(stem));
        double weight = 0;
        for (String form : forms) {
            weight = Math.max(weight, index.idf(form));
        }
        weight *= factor;
        if (weight == 0) {
            return;
        }
        Concept old = concepts.get(stem);
        if (old == null || (old.optional() && !optional)) {
            concepts.put(stem, new Concept(stem, forms, optional, negated, weight));
        }
    }

    /**
     * Adds the index defaults whose words the problem says (not negated) and whose exceptions it does not: their
     * words as optional words, and their excluded words ("-subsequent") as optional negated words, which count
     * against a description that has them.
     */
    private void addDefaults(Map<String, Concept> concepts, Map<String, Boolean> said) {
        for (Lexicon.Default d : lexicon.defaults()) {
            boolean applies = d.when().stream().allMatch(w -> Boolean.FALSE.equals(said.get(w))) && d.unless()
                    .stream().noneMatch(said::containsKey);
            if (!applies) {
                continue;
            }
            for (String word : d.add()) {
                boolean excluded = word.startsWith("-");
                String w = excluded ? word.substring(1) : word;
                if (!concepts.containsKey(Tokens.stem(w))) {
                    add(concepts, w, true, excluded, lexicon.weight(w));
                }
            }
        }
    }
}
