package org.clinigate.core.phi;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one de-identification scope (a patient, or a conversation): which replacement stands
 * for which original value, the per-category counters that number pseudonyms, and the scope's date
 * shift. Holding this map is holding PHI, so it lives only in memory or, encrypted, in the vault.
 *
 * <p>Identity is the exact surface form: the same string in the same category always gets the same
 * replacement within a scope, and {@link #relink(String)} gives back exactly that string. {@link
 * #toString()} carries counts only.
 *
 * <p>Thread safe: all mutation is synchronised on the map, so requests of one conversation may share
 * it.
 */
public final class PhiMap {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PSEUDONYM = Pattern.compile("\\[[A-Z][A-Z_]*_[0-9]{1,9}\\]");

    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();

    private final String scopeId;
    private final long serial = SERIALS.incrementAndGet();
    private final int dateShiftDays;
    private final Map<Key, String> forward = new HashMap<>();
    private final Map<String, Entry> reverse = new HashMap<>();
    private final Map<PhiCategory, Integer> counters = new EnumMap<>(PhiCategory.class);
    private volatile Pattern surrogatePattern;
    /** {@link #replacements()}, kept until the next entry is added. */
    private Set<String> replacementSet;

    /**
     * @param scopeId the scope's identifier; may itself be an identifier, so it is never printed
     * @param dateShiftDays the day offset every date of this scope moves by in surrogate mode; not 0
     */
    public PhiMap(String scopeId, int dateShiftDays) {
        this.scopeId = Objects.requireNonNull(scopeId, "scopeId");
        if (dateShiftDays == 0 || Math.abs(dateShiftDays) > 3650) {
            throw new IllegalArgumentException("dateShiftDays must be in [-3650, 3650] and not 0");
        }
        this.dateShiftDays = dateShiftDays;
    }

    /** A new scope with a random date shift of 1 to 365 days, in either direction. */
    public static PhiMap create(String scopeId) {
        int days = 1 + RANDOM.nextInt(365);
        return new PhiMap(scopeId, RANDOM.nextBoolean() ? days : -days);
    }

    public String scopeId() {
        return scopeId;
    }

    /** A number unique to this instance in this process: tells a recreated scope from the old one. */
    public long serial() {
        return serial;
    }

    public int dateShiftDays() {
        return dateShiftDays;
    }

    /**
     * Returns the replacement already chosen for this value, or asks {@code generator} for a new one.
     * The generator receives the next sequence number of the category (1, 2, ...) and must return a
     * value that is not yet a replacement in this scope, or {@code null} to say the number is taken; on
     * a clash it is asked again with the next number.
     */
    public synchronized String replacementFor(PhiCategory category, String original, IntFunction<String> generator) {
        Key key = new Key(category, original);
        String existing = forward.get(key);
        if (existing != null) {
            return existing;
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            int n = counters.merge(category, 1, Integer::sum);
            String candidate = generator.apply(n);
            if (candidate != null && !reverse.containsKey(candidate) && !candidate.equals(original)) {
                forward.put(key, candidate);
                reverse.put(candidate, new Entry(category, original, candidate));
                replacementSet = null;
                if (!PSEUDONYM.matcher(candidate).matches()) {
                    surrogatePattern = null;
                }
                return candidate;
            }
        }
        throw new IllegalStateException("could not find a free replacement for category " + category);
    }

    /** The original value behind a replacement of this scope, if there is one. */
    public synchronized Optional<String> originalOf(String replacement) {
        Entry e = reverse.get(replacement);
        return e == null ? Optional.empty() : Optional.of(e.original());
    }

    /** True when {@code replacement} was issued by this scope. */
    public synchronized boolean isReplacement(String replacement) {
        return reverse.containsKey(replacement);
    }

    /**
     * Every replacement this scope has issued, as an immutable set. The same instance is returned until an entry is
     * added, so a caller that checks each answer against the scope's pseudonyms does not copy the scope each time.
     */
    public synchronized Set<String> replacements() {
        Set<String> r = replacementSet;
        if (r == null) {
            r = Set.copyOf(reverse.keySet());
            replacementSet = r;
        }
        return r;
    }

    public synchronized int size() {
        return reverse.size();
    }

    /** A snapshot of all entries, for persistence in the vault. */
    public synchronized List<Entry> entries() {
        return List.copyOf(reverse.values());
    }

    /** A snapshot of the per-category counters that number pseudonyms, for persistence in the vault. */
    public synchronized Map<PhiCategory, Integer> counters() {
        return Map.copyOf(counters);
    }

    /** Restores a counter read back from the vault; a counter never moves backwards. */
    public synchronized void restoreCounter(PhiCategory category, int value) {
        Objects.requireNonNull(category, "category");
        if (value < 0) {
            throw new IllegalArgumentException("a counter is never negative");
        }
        counters.merge(category, value, Math::max);
    }

    /** Restores an entry read back from the vault. */
    public synchronized void restore(Entry entry) {
        forward.put(new Key(entry.category(), entry.original()), entry.replacement());
        reverse.put(entry.replacement(), entry);
        replacementSet = null;
        Matcher m = Pattern.compile("_([0-9]{1,9})\\]$").matcher(entry.replacement());
        if (m.find()) {
            counters.merge(entry.category(), Integer.parseInt(m.group(1)), Math::max);
        }
        surrogatePattern = null;
    }

    /**
     * Replaces every replacement issued by this scope that appears in {@code text} by its original
     * value. Pseudonyms ({@code [NAME_3]}) are matched by shape; surrogates by their exact text, longest
     * first. Replacements of other scopes are left alone, so one tenant's map can never re-link another
     * scope's tokens.
     */
    public String relink(String text) {
        Pattern pattern;
        synchronized (this) {
            if (reverse.isEmpty()) {
                return text;
            }
            pattern = surrogatePattern();
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            Entry e;
            synchronized (this) {
                e = reverse.get(m.group());
            }
            if (e != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 32);
                }
                out.append(text, last, m.start()).append(e.original());
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** Pseudonyms by shape, plus this scope's literal surrogates; cached until a surrogate is added. Caller holds the lock. */
    private Pattern surrogatePattern() {
        Pattern p = surrogatePattern;
        if (p != null) {
            return p;
        }
        List<String> literal = new ArrayList<>();
        for (String r : reverse.keySet()) {
            if (!PSEUDONYM.matcher(r).matches()) {
                literal.add(r);
            }
        }
        if (literal.isEmpty()) {
            p = PSEUDONYM;
        } else {
            literal.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder sb = new StringBuilder(PSEUDONYM.pattern());
            for (String s : literal) {
                sb.append('|').append(Pattern.quote(s));
            }
            p = Pattern.compile(sb.toString());
        }
        surrogatePattern = p;
        return p;
    }

    @Override
    public synchronized String toString() {
        return "PhiMap[scope=#" + Integer.toHexString(scopeId.hashCode()) + ", entries=" + reverse.size() + "]";
    }

    private record Key(PhiCategory category, String original) {
    }

    /** One mapping of the scope. Holds PHI: {@link #toString()} shows the category only. */
    public record Entry(PhiCategory category, String original, String replacement) {
        public Entry {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(replacement, "replacement");
        }

        @Override
        public String toString() {
            return "Entry[" + category + "]";
        }
    }
}
