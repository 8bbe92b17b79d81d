package org.clinigate.knowledge.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The project's word lists for problem normalization, read from {@code /knowledge/terminology/}: abbreviations and
 * lay terms ({@code abbreviations.tsv}), one-way word alternatives ({@code alternatives.tsv}), index defaults
 * ({@code defaults.tsv}) and description word weights ({@code word-weights.tsv}). Immutable and thread safe.
 */
final class Lexicon {

    /**
     * A default the Alphabetic Index applies when a qualifier is left out.
     *
     * @param when the stems that trigger it, all of them
     * @param unless stems any of which cancel it
     * @param add the words added as optional words
     */
    record Default(Set<String> when, Set<String> unless, List<String> add) {
        Default {
            when = Set.copyOf(when);
            unless = Set.copyOf(unless);
            add = List.copyOf(add);
        }
    }

    private static final String DIR = "/knowledge/terminology/";

    private final Pattern keys;
    private final Map<String, String> expansions;
    private final Map<String, Set<String>> alternatives;
    private final List<Default> defaults;
    private final Map<String, Double> weights;

    private Lexicon(Map<String, String> expansions, Map<String, Set<String>> alternatives, List<Default> defaults,
            Map<String, Double> weights) {
        this.expansions = Map.copyOf(expansions);
        this.alternatives = Map.copyOf(alternatives);
        this.defaults = List.copyOf(defaults);
        this.weights = Map.copyOf(weights);
        this.keys = keyPattern(expansions.keySet());
    }

    /** The bundled lists; a missing or malformed list is a packaging bug (CG-1009). */
    static Lexicon bundled() {
        Map<String, String> expansions = new HashMap<>();
        for (String[] row : rows("abbreviations.tsv", 1)) {
            expansions.put(Tokens.normalize(row[0]).strip(), row.length > 1 ? Tokens.normalize(row[1]) : "");
        }
        Map<String, Set<String>> alternatives = new HashMap<>();
        for (String[] row : rows("alternatives.tsv", 2)) {
            Set<String> alts = alternatives.computeIfAbsent(Tokens.stem(row[0]), k -> new LinkedHashSet<>());
            for (String alt : row[1].split(" +")) {
                alts.add(Tokens.stem(alt));
            }
        }
        List<Default> defaults = new ArrayList<>();
        for (String[] row : rows("defaults.tsv", 3)) {
            Set<String> unless = new LinkedHashSet<>();
            for (String word : row[1].split(" +")) {
                unless.add(Tokens.stem(word));
            }
            Set<String> when = new LinkedHashSet<>();
            for (String word : row[0].split(" +")) {
                when.add(Tokens.stem(word));
            }
            defaults.add(new Default(when, unless, List.of(row[2].split(" +"))));
        }
        Map<String, Double> weights = new HashMap<>();
        for (String[] row : rows("word-weights.tsv", 2)) {
            weights.put(Tokens.normalize(row[0]).strip(), Double.parseDouble(row[1]));
        }
        return new Lexicon(expansions, alternatives, defaults, weights);
    }

    /** Replaces every abbreviation in {@code normalized} text (see {@link Tokens#normalize}) by its expansion. */
    String expand(String normalized) {
        Matcher m = keys.matcher(normalized);
        StringBuilder out = new StringBuilder(normalized.length() + 32);
        while (m.find()) {
            String key = m.group().replaceAll("\\s+", " ");
            m.appendReplacement(out, Matcher.quoteReplacement(" " + expansions.getOrDefault(key, key) + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The abbreviation keys that are single words, which spelling correction may correct to. */
    Set<String> singleWordKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (String key : expansions.keySet()) {
            if (key.chars().allMatch(Character::isLetter)) {
                out.add(key);
            }
        }
        return out;
    }

    /** Every word of every abbreviation key, which spelling correction must leave as written. */
    Set<String> keyWords() {
        Set<String> out = new LinkedHashSet<>();
        for (String key : expansions.keySet()) {
            out.addAll(List.of(key.split(" ")));
        }
        return out;
    }

    /** True when a single word is an abbreviation key, so that a corrected spelling can be expanded too. */
    boolean isKey(String word) {
        return expansions.containsKey(word);
    }

    /** The stems a problem word's stem may also match, excluding itself. */
    Set<String> alternatives(String stem) {
        return alternatives.getOrDefault(stem, Set.of());
    }

    List<Default> defaults() {
        return defaults;
    }

    /**
     * The factor on a word's weight, looked up by its normalized surface form (not its stem: "severity" is generic,
     * "severe" is not); 1 unless the list says otherwise.
     */
    double weight(String word) {
        return weights.getOrDefault(word, 1.0);
    }

    private static Pattern keyPattern(Set<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder regex = new StringBuilder();
        for (String key : sorted) {
            if (!regex.isEmpty()) {
                regex.append('|');
            }
            if (Character.isLetterOrDigit(key.charAt(0))) {
                regex.append("(?<![a-z0-9])");
            }
            String[] parts = key.split(" ");
            for (int i = 0; i < parts.length; i++) {
                regex.append(i > 0 ? "\\s+" : "").append(Pattern.quote(parts[i]));
            }
            if (Character.isLetterOrDigit(key.charAt(key.length() - 1))) {
                regex.append("(?![a-z0-9])");
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String[]> rows(String name, int minColumns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "terminology word list missing: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < minColumns || cols[0].isBlank()) {
                    throw new ClinigateException(ErrorCode.CG_1009, "terminology word list " + name + ", line " + n
                            + ": expected " + minColumns + " columns");
                }
                rows.add(cols);
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "terminology word list unreadable: " + name, e);
        }
        return rows;
    }
}
