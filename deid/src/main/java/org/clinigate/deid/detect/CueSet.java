package org.clinigate.deid.detect;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.clinigate.deid.lexicon.PackedWords;

/**
 * A short list of lower-case cue words (titles, relations, credentials, street openers) that detectors test tokens
 * against. Every list owns one bit of a process-wide table, so a token's membership in all lists is found with one
 * lookup, cached in its {@link TextView}, and each test after that is a bit test: the detectors ask dozens of such
 * questions about every word, and hashing the word into each list was a tenth of detection time.
 *
 * <p>Lists are created in static initialisers of the detector classes, which all run when {@link PhiDetector} is
 * built, before any text is read. Thread safe.
 */
final class CueSet {

    /** The top bit marks a token whose bits are computed; the others belong to lists. */
    static final long COMPUTED = Long.MIN_VALUE;
    private static final int MAX_LISTS = 63;
    private static final Object LOCK = new Object();
    private static volatile Map<String, Long> table = Map.of();
    /** The words of {@link #table} that {@link PackedWords} can hold, by packed key. */
    private static volatile PackedWords packed = new PackedWords(Map.of());
    private static int lists;

    private final Set<String> words;
    private final long bit;

    private CueSet(Set<String> words, long bit) {
        this.words = words;
        this.bit = bit;
    }

    /** A new list of lower-case words. */
    static CueSet of(String... words) {
        Set<String> set = Set.of(words);
        synchronized (LOCK) {
            if (lists == MAX_LISTS) {
                throw new IllegalStateException("more than " + MAX_LISTS + " cue lists");
            }
            long bit = 1L << lists++;
            Map<String, Long> grown = new HashMap<>(table);
            for (String w : set) {
                grown.merge(w, bit, (a, b) -> a | b);
            }
            table = Map.copyOf(grown);
            Map<String, Long> shortWords = new HashMap<>();
            table.forEach((w, b) -> {
                if (PackedWords.packable(w)) {
                    shortWords.put(w, b);
                }
            });
            packed = new PackedWords(shortWords);
            return new CueSet(set, bit);
        }
    }

    /** A new list holding the words of {@code lists} and {@code more}. */
    static CueSet union(java.util.List<CueSet> lists, String... more) {
        Set<String> all = new java.util.HashSet<>(Set.of(more));
        for (CueSet c : lists) {
            all.addAll(c.words);
        }
        return of(all.toArray(String[]::new));
    }

    /** The bits of every list that holds {@code lower}, with {@link #COMPUTED} set. */
    static long bitsOf(String lower) {
        Long b = table.get(lower);
        return b == null ? COMPUTED : b | COMPUTED;
    }

    /**
     * {@link #bitsOf(String)} of an ASCII token of at most {@link PackedWords#MAX_LENGTH} characters,
     * lower-cased and packed: no list word longer or not ASCII can equal it.
     */
    static long bitsOf(long k0, long k1) {
        return packed.get(k0, k1, 0) | COMPUTED;
    }

    /** True when token {@code i} of {@code v} (lower-cased) is in this list; false when {@code i} is out of range. */
    boolean has(TextView v, int i) {
        return i >= 0 && i < v.size && (v.cues(i) & bit) != 0;
    }

    /** True when this list holds {@code lower}, which need not be a token: for phrases built from several. */
    boolean contains(String lower) {
        return words.contains(lower);
    }
}
