package org.clinigate.knowledge.terminology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RxNorm concepts (ingredients, clinical and branded drugs and components, brand names) with the links a drug
 * normalizer needs, derived from the names alone so that RXNCONSO.RRF or the prescribable TSV suffices: a precise
 * ingredient belongs to the ingredient whose name begins it ({@code metformin hydrochloride} to {@code metformin}),
 * a component or drug to the ingredients its name lists, a brand to the ingredients of the branded drugs that carry
 * it in square brackets. Immutable and thread safe.
 */
public final class RxNormSet {

    /**
     * A clinical drug component with its parsed strength.
     *
     * @param concept the SCDC
     * @param strength its strength
     */
    record Component(RxConcept concept, Strength strength) {
    }

    // "24 HR metformin hydrochloride 1000 MG": optional release or volume prefix, name, amount, unit
    private static final Pattern PART = Pattern.compile(
            "^(?:\\d+(?:\\.\\d+)? (?:HR|ML|ACTUAT|DAY|MG) )?(.+?) (\\d+(?:\\.\\d+)?) ([A-Z%]+(?:/[A-Z]+)?)(?: |$)");
    private static final Pattern BRAND = Pattern.compile("\\[([^\\]]+)\\]\\s*$");

    private final String release;
    private final Map<String, RxConcept> byRxcui;
    private final Map<String, RxConcept> ingredientsByName;
    private final Map<String, List<RxConcept>> brands;
    private final Map<String, List<Component>> componentsByIngredient;
    private final Map<String, List<RxConcept>> ingredientsOfDrug;

    private RxNormSet(String release, Map<String, RxConcept> byRxcui) {
        this.release = release;
        this.byRxcui = Collections.unmodifiableMap(byRxcui);
        this.ingredientsByName = new HashMap<>();
        for (RxConcept c : byRxcui.values()) {
            if (c.type().isIngredient()) {
                ingredientsByName.putIfAbsent(key(c.name()), c);
            }
        }
        this.componentsByIngredient = new HashMap<>();
        this.ingredientsOfDrug = new HashMap<>();
        this.brands = new HashMap<>();
        for (RxConcept c : byRxcui.values()) {
            switch (c.type()) {
                case PIN -> ingredientsOfDrug.put(c.rxcui(), baseIngredient(c).map(List::of).orElse(List.of()));
                case SCDC, SCD, SBD -> link(c);
                case IN, MIN, BN -> {
                    // ingredients are their own entries; brand names are linked through their branded drugs
                }
                default -> throw new UnsupportedOperationException("term type " + c.type());
            }
        }
    }

    /**
     * A set of {@code concepts}; the first concept of an RXCUI wins.
     *
     * @param release a label for logs and reports, for example the source file name
     */
    public static RxNormSet of(String release, Collection<RxConcept> concepts) {
        Map<String, RxConcept> map = new LinkedHashMap<>();
        for (RxConcept c : concepts) {
            map.putIfAbsent(c.rxcui(), c);
        }
        return new RxNormSet(release, map);
    }

    /** The label given when the set was built. */
    public String release() {
        return release;
    }

    /** The number of concepts kept. */
    public int size() {
        return byRxcui.size();
    }

    /** The concept with this RXCUI, if kept. */
    public Optional<RxConcept> get(String rxcui) {
        return Optional.ofNullable(byRxcui.get(rxcui));
    }

    /**
     * The ingredients (IN) of a concept: itself for an IN, its base ingredient for a PIN, the ingredients its name
     * lists for an SCDC, SCD or SBD, and those of its branded drugs for a brand name; empty when unknown.
     */
    public List<RxConcept> ingredientsOf(String rxcui) {
        RxConcept c = byRxcui.get(rxcui);
        if (c == null) {
            return List.of();
        }
        return switch (c.type()) {
            case IN -> List.of(c);
            case BN -> brands.getOrDefault(key(c.name()), List.of());
            case MIN -> ingredientsOfName(c.name());
            case PIN, SCDC, SCD, SBD -> ingredientsOfDrug.getOrDefault(rxcui, List.of());
            default -> throw new UnsupportedOperationException("term type " + c.type());
        };
    }

    /** The ingredient, precise ingredient or multiple-ingredient concept with exactly this name (any case). */
    Optional<RxConcept> ingredientNamed(String name) {
        return Optional.ofNullable(ingredientsByName.get(key(name)));
    }

    /** The ingredients of the branded drugs that carry this brand (any case). */
    List<RxConcept> brandIngredients(String brand) {
        return brands.getOrDefault(key(brand), List.of());
    }

    /** All ingredient and brand names, lower case, for matching mentions. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>(ingredientsByName.keySet());
        names.addAll(brands.keySet());
        return names;
    }

    /** The clinical drug components of an ingredient (IN), with their strengths. */
    List<Component> components(String ingredientRxcui) {
        return componentsByIngredient.getOrDefault(ingredientRxcui, List.of());
    }

    /** The base ingredient (IN) of an ingredient concept: itself for an IN, the IN its name begins with for a PIN. */
    Optional<RxConcept> baseIngredient(RxConcept c) {
        if (c.type() != RxTermType.PIN) {
            return Optional.of(c);
        }
        String[] words = key(c.name()).split(" ");
        for (int n = words.length - 1; n >= 1; n--) {
            RxConcept in = ingredientsByName.get(String.join(" ", java.util.Arrays.copyOf(words, n)));
            if (in != null && in.type() == RxTermType.IN) {
                return Optional.of(in);
            }
        }
        return Optional.empty();
    }

    private void link(RxConcept drug) {
        String name = drug.name();
        Matcher brand = BRAND.matcher(name);
        String generic = brand.find() ? name.substring(0, brand.start()).strip() : name;
        List<RxConcept> ingredients = new ArrayList<>();
        for (String part : generic.split(" / ")) {
            Matcher m = PART.matcher(part);
            if (!m.find()) {
                continue;
            }
            Optional<RxConcept> named = ingredientNamed(m.group(1)).flatMap(this::baseIngredient);
            if (named.isEmpty()) {
                continue;
            }
            ingredients.add(named.get());
            if (drug.type() == RxTermType.SCDC) {
                Strength s = new Strength(new BigDecimal(m.group(2)), m.group(3));
                componentsByIngredient.computeIfAbsent(named.get().rxcui(), k -> new ArrayList<>()).add(
                        new Component(drug, s));
            }
        }
        ingredientsOfDrug.put(drug.rxcui(), List.copyOf(ingredients));
        if (drug.type() == RxTermType.SBD && brand.find(0) && !ingredients.isEmpty()) {
            brands.merge(key(brand.group(1)), List.copyOf(ingredients), (a, b) -> a.size() >= b.size() ? a : b);
        }
    }

    private List<RxConcept> ingredientsOfName(String minName) {
        List<RxConcept> out = new ArrayList<>();
        for (String part : minName.split(" / ")) {
            ingredientNamed(part).flatMap(this::baseIngredient).ifPresent(out::add);
        }
        return out;
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RxNormSet[" + release + ", " + byRxcui.size() + " concepts]";
    }
}
