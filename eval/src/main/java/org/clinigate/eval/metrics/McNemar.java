package org.clinigate.eval.metrics;

/**
 * McNemar's exact test for paired binary outcomes: of the items where two runs disagree, {@code b} were right only in
 * the first and {@code c} only in the second. Under no difference, b follows Binomial(b + c, 1/2); the two-sided
 * p-value is twice the smaller tail, capped at 1. Stateless and thread safe.
 */
public final class McNemar {

    private McNemar() {
    }

    /** The exact two-sided p-value; 1 when the runs never disagree. */
    public static double exactP(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        // Sum the binomial tail in log space: n can reach the thousands, where 0.5^n underflows.
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * tail);
    }

    static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
