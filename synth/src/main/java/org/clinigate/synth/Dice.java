package org.clinigate.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random choices for the generator. Each document and each patient gets its own instance,
 * derived from the corpus seed with {@link #mix}, so that output depends only on the seed and the
 * index. Not thread safe.
 */
final class Dice {

    private static final String UPPER = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A well-spread seed for item {@code index} of stream {@code salt} under corpus seed {@code seed}. */
    static long mix(long seed, long salt, long index) {
        // SplitMix64 finaliser over a linear combination: distinct inputs give unrelated outputs.
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [lo, hi]}, both inclusive. */
    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** {@code k} distinct items in random order. */
    <T> List<T> sample(List<T> items, int k) {
        List<T> copy = new ArrayList<>(items);
        for (int i = 0; i < Math.min(k, copy.size()); i++) {
            int j = random.nextInt(i, copy.size());
            T tmp = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, tmp);
        }
        return List.copyOf(copy.subList(0, Math.min(k, copy.size())));
    }

    /** {@code n} decimal digits; the first is never zero. */
    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        sb.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /** {@code n} upper-case letters, without I, O and Q so they never read as digits. */
    String letters(int n) {
        return draw(UPPER, n);
    }

    /** {@code n} characters drawn from upper-case letters and digits. */
    String alnum(int n) {
        return draw(ALNUM, n);
    }

    private String draw(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
