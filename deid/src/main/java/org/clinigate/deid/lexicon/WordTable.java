package org.clinigate.deid.lexicon;

import java.util.Map;

/**
 * A frozen map from word to an int of flag bits, laid out for lookups that mostly miss: open
 * addressing over parallel arrays, with each slot's hash stored inline, so that a word absent from
 * every list costs one probe of an int array instead of a chain of objects. Immutable after
 * construction and thread safe.
 */
final class WordTable {

    private final String[] keys;
    private final int[] hashes;
    private final int[] values;
    private final int mask;

    WordTable(Map<String, Integer> source) {
        int cap = Integer.highestOneBit(Math.max(16, source.size() * 2)) << 1;
        keys = new String[cap];
        hashes = new int[cap];
        values = new int[cap];
        mask = cap - 1;
        for (Map.Entry<String, Integer> e : source.entrySet()) {
            int h = spread(e.getKey().hashCode());
            int i = h & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e.getKey();
            hashes[i] = h;
            values[i] = e.getValue();
        }
    }

    /** The bits of {@code word}, or -1 when it is in no list. */
    int get(String word) {
        int h = spread(word.hashCode());
        int i = h & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (hashes[i] == h && k.equals(word)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    private static int spread(int h) {
        // Never zero, so that a stored hash of 0 cannot be mistaken for anything.
        return (h ^ (h >>> 16)) | 1;
    }
}
