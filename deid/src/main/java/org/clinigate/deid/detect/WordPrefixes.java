package org.clinigate.deid.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every list of word prefixes that an {@link Anchor.Hits#words} anchor looks for, matched in one pass over a
 * text's word starts instead of one pass per list: some twenty lists, many of them with common first letters,
 * made those passes a tenth of detection time.
 *
 * <p>Lists register when the detectors are built; the same prefixes registered twice share one entry, so building
 * detectors again does not grow the registry. A {@link Positions} computes the matches of all lists known at that
 * moment and computes again if a list registered later is asked for. Thread safe.
 */
final class WordPrefixes {

    private static final Object LOCK = new Object();
    private static final int BUCKETS = 26 * 27;
    private static final Map<List<String>, Integer> IDS = new HashMap<>();
    /**
     * By the first two characters ({@link #bucket}): each prefix that can start there, lower case, with the id of its
     * list. A one-letter prefix is in every bucket of its letter.
     */
    private static volatile Table table = new Table(new String[BUCKETS][], new int[BUCKETS][], 0);

    private record Table(String[][] prefixes, int[][] lists, int count) {
    }

    private WordPrefixes() {
    }

    /** The id of the list of {@code prefixes} (ASCII, any case), registering it on first sight. */
    static int register(String... prefixes) {
        List<String> key = new ArrayList<>();
        for (String p : prefixes) {
            String l = p.toLowerCase(Locale.ROOT);
            char c = l.isEmpty() ? 0 : l.charAt(0);
            if (c < 'a' || c > 'z') {
                throw new IllegalArgumentException("a word prefix starts with an ASCII letter");
            }
            key.add(l);
        }
        key = List.copyOf(key);
        synchronized (LOCK) {
            Integer id = IDS.get(key);
            if (id != null) {
                return id;
            }
            Table t = table;
            int next = t.count();
            String[][] byLetter = t.prefixes().clone();
            int[][] lists = t.lists().clone();
            for (String p : key) {
                int first = (p.charAt(0) - 'a') * 27;
                int from = p.length() == 1 ? first : bucket(p, 0);
                int to = p.length() == 1 ? first + 27 : from + 1;
                for (int b = from; b < to; b++) {
                    String[] ps = byLetter[b] == null ? new String[0] : byLetter[b];
                    int[] ls = lists[b] == null ? new int[0] : lists[b];
                    byLetter[b] = Arrays.copyOf(ps, ps.length + 1);
                    byLetter[b][ps.length] = p;
                    lists[b] = Arrays.copyOf(ls, ls.length + 1);
                    lists[b][ls.length] = next;
                }
            }
            table = new Table(byLetter, lists, next + 1);
            IDS.put(key, next);
            return next;
        }
    }

    /** How many lists are registered. */
    static int count() {
        return table.count();
    }

    /** The word starts of {@code at} matching each registered list, indexed by list id, each ascending. */
    static int[][] match(Positions at) {
        Table t = table;
        int[][] out = new int[t.count()][];
        int[] sizes = new int[t.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[8];
        }
        String lower = at.lowerAscii();
        int n = lower.length();
        for (int w = 0; w < at.wordStartCount; w++) {
            int p = at.wordStarts[w];
            int b = bucket(lower, p);
            if (b < 0 || t.prefixes()[b] == null) {
                continue;
            }
            String[] ps = t.prefixes()[b];
            int[] ls = t.lists()[b];
            int last = -1;
            for (int k = 0; k < ps.length; k++) {
                int list = ls[k];
                if (list == last || !startsWith(lower, n, p, ps[k])) {
                    continue;
                }
                if (sizes[list] > 0 && out[list][sizes[list] - 1] == p) {
                    continue; // two prefixes of one list match here
                }
                if (sizes[list] == out[list].length) {
                    out[list] = Arrays.copyOf(out[list], sizes[list] * 2);
                }
                out[list][sizes[list]++] = p;
                last = list;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOf(out[i], sizes[i]);
        }
        return out;
    }

    /** The bucket of the word at {@code p}: its first letter, and its second character if a letter; -1 if none. */
    private static int bucket(String lower, int p) {
        int l = lower.charAt(p) - 'a';
        if (l < 0 || l >= 26) {
            return -1;
        }
        int second = p + 1 < lower.length() ? lower.charAt(p + 1) - 'a' : -1;
        return l * 27 + (second >= 0 && second < 26 ? second : 26);
    }

    private static boolean startsWith(String lower, int n, int p, String prefix) {
        int len = prefix.length();
        if (p + len > n) {
            return false;
        }
        // Compared by hand from the second letter: most prefixes fail there, before an intrinsic pays off.
        for (int k = 1; k < len; k++) {
            if (lower.charAt(p + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
