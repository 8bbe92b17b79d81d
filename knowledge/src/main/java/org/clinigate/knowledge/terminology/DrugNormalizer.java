package org.clinigate.knowledge.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Reads a drug mention as notes write it ("metformin 500 mg bid", "lisinopril 10mg", "Coumadin 5", "HCTZ 25") as
 * an RxNorm ingredient, a strength and, when the data has one, the clinical drug component of that strength.
 *
 * <p>Abbreviations from {@code /knowledge/terminology/drug-abbreviations.tsv} are expanded; the longest ingredient or
 * brand name in the mention wins (a precise ingredient such as {@code metformin hydrochloride} is reported as its
 * base ingredient); a single misspelled word is corrected to the nearest name (one edit up to seven letters, two
 * beyond). The strength is the first amount with a unit after the name; a bare number right after the name takes the
 * unit of the ingredient's components when one of them has that amount. Immutable and thread safe; mention text
 * never appears in exceptions.
 */
public final class DrugNormalizer {

    private static final int MAX_NAME_WORDS = 8;
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(mg/ml|units/ml|unt/ml|mcg|\u00b5g|ug|mg|mgs|gm|g|meq|units|unit|iu|u|ml|%)"
                    + "(?![a-z])");
    private static final Pattern BARE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)(?![\\d.])");

    private final RxNormSet rxnorm;
    private final Map<String, String> abbreviations;
    private final Map<String, String> names;
    private final SpellCorrector speller;

    private DrugNormalizer(RxNormSet rxnorm) {
        this.rxnorm = rxnorm;
        this.abbreviations = abbreviations();
        this.names = new HashMap<>();
        Map<String, Integer> singleWords = new HashMap<>();
        for (String name : rxnorm.names()) {
            String key = String.join(" ", words(name));
            names.putIfAbsent(key, name);
            if (!key.contains(" ")) {
                singleWords.put(key, 1);
            }
        }
        this.speller = new SpellCorrector(singleWords);
    }

    /** A normalizer over {@code rxnorm}. */
    public static DrugNormalizer create(RxNormSet rxnorm) {
        return new DrugNormalizer(Objects.requireNonNull(rxnorm, "rxnorm"));
    }

    /** The RxNorm reading of {@code mention}, or empty when it names no known ingredient or brand. */
    public Optional<DrugMatch> normalize(String mention) {
        Objects.requireNonNull(mention, "mention");
        List<String> words = new ArrayList<>();
        for (String w : words(mention)) {
            String expanded = abbreviations.get(w);
            words.addAll(expanded == null ? List.of(w) : words(expanded));
        }
        Span span = exact(words).or(() -> corrected(words)).orElse(null);
        if (span == null) {
            return Optional.empty();
        }
        Optional<RxConcept> ingredient = resolve(span.name());
        if (ingredient.isEmpty()) {
            return Optional.empty();
        }
        String after = String.join(" ", words.subList(span.end(), words.size()));
        Optional<Strength> strength = strength(after, ingredient.get());
        Optional<RxConcept> component = strength.flatMap(s -> component(ingredient.get(), s));
        return Optional.of(new DrugMatch(ingredient.get(), strength, component, span.score()));
    }

    /** A matched name: its RxNorm spelling, the index after its last word, and how sure the match is. */
    private record Span(String name, int end, double score) {
    }

    private Optional<Span> exact(List<String> words) {
        for (int len = Math.min(MAX_NAME_WORDS, words.size()); len >= 1; len--) {
            for (int start = 0; start + len <= words.size(); start++) {
                String name = names.get(String.join(" ", words.subList(start, start + len)));
                if (name != null) {
                    return Optional.of(new Span(name, start + len, 1.0));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Span> corrected(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() < 5) {
                continue;
            }
            Optional<String> fix = speller.correct(w);
            if (fix.isPresent()) {
                int edits = SpellCorrector.distance(w, fix.get(), 2);
                return Optional.of(new Span(names.get(fix.get()), i + 1, 1.0 - 0.1 * edits));
            }
        }
        return Optional.empty();
    }

    /** The ingredient a name stands for: an IN, a PIN's IN, a MIN, or a brand's ingredient(s). */
    private Optional<RxConcept> resolve(String name) {
        Optional<RxConcept> ingredient = rxnorm.ingredientNamed(name);
        if (ingredient.isPresent()) {
            RxConcept c = ingredient.get();
            return c.type() == RxTermType.PIN ? rxnorm.baseIngredient(c) : Optional.of(c);
        }
        List<RxConcept> ins = rxnorm.brandIngredients(name);
        if (ins.size() == 1) {
            return Optional.of(ins.get(0));
        }
        if (ins.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        ins.forEach(c -> parts.add(c.name()));
        parts.sort(null);
        return rxnorm.ingredientNamed(String.join(" / ", parts)).or(() -> Optional.of(ins.get(0)));
    }

    private Optional<Strength> strength(String after, RxConcept ingredient) {
        Matcher m = AMOUNT.matcher(after);
        if (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1));
            Optional<String> unit = Strength.unitOf(m.group(2));
            if (value.signum() > 0 && unit.isPresent()) {
                return Optional.of(new Strength(value, unit.get()));
            }
        }
        Matcher bare = BARE.matcher(after);
        if (bare.find()) {
            BigDecimal value = new BigDecimal(bare.group(1));
            for (RxNormSet.Component c : rxnorm.components(ingredient.rxcui())) {
                if (c.strength().value().compareTo(value) == 0) {
                    return Optional.of(c.strength());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<RxConcept> component(RxConcept ingredient, Strength strength) {
        for (RxNormSet.Component c : rxnorm.components(ingredient.rxcui())) {
            if (c.strength().sameAmount(strength)) {
                return Optional.of(c.concept());
            }
        }
        return Optional.empty();
    }

    /** Lower-case words; digits split from letters ("10mg" is "10 mg"), hyphens between words split. */
    private static List<String> words(String text) {
        String spaced = text.toLowerCase(Locale.ROOT).replaceAll("(\\d)([a-z%\u00b5])", "$1 $2").replaceAll(
                "([a-z])(\\d)", "$1 $2");
        List<String> out = new ArrayList<>();
        for (String w : spaced.split("[^a-z0-9.%/\u00b5]+")) {
            String t = w.replaceAll("^[./]+|[./]+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static Map<String, String> abbreviations() {
        Map<String, String> map = new HashMap<>();
        String name = "/knowledge/terminology/drug-abbreviations.tsv";
        try (InputStream in = DrugNormalizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "terminology word list missing: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t", -1);
                    map.put(cols[0].toLowerCase(Locale.ROOT), cols.length > 1 ? cols[1] : "");
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "terminology word list unreadable: " + name, e);
        }
        return Map.copyOf(map);
    }
}
