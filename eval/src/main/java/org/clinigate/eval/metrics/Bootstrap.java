package org.clinigate.eval.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for a mean, and for the mean of paired differences. Deterministic: the
 * same values in the same order with the same seed give the same interval. Callers sort values by item id first, so
 * that the order items finished in (which concurrency changes) does not matter. Stateless and thread safe.
 */
public final class Bootstrap {

    /** Resamples per interval: the 2.5th and 97.5th percentiles are then stable to about 0.005 on binary data. */
    public static final int RESAMPLES = 2000;

    private Bootstrap() {
    }

    /** A two-sided interval at {@code level}, with the point estimate it surrounds. */
    public record Interval(double estimate, double low, double high) {
        public Interval {
            if (!(low <= estimate && estimate <= high) && !Double.isNaN(estimate)) {
                throw new IllegalArgumentException("interval must contain its estimate");
            }
        }
    }

    /** The 95% interval of the mean of {@code values}; NaN throughout when there are none. */
    public static Interval mean(double[] values, long seed) {
        return mean(values, seed, RESAMPLES, 0.95);
    }

    public static Interval mean(double[] values, long seed, int resamples, double level) {
        int n = values.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double estimate = average(values);
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double alpha = (1 - level) / 2;
        double low = means[(int) Math.floor(alpha * (resamples - 1))];
        double high = means[(int) Math.ceil((1 - alpha) * (resamples - 1))];
        // A percentile interval of a skewed statistic can miss the point estimate by rounding; widen to include it.
        return new Interval(estimate, Math.min(low, estimate), Math.max(high, estimate));
    }

    /**
     * The paired bootstrap of {@code b - a} (same items, same order): the mean difference, its 95% interval, and a
     * two-sided p-value for no difference (twice the share of resampled means on the far side of zero).
     */
    public static Paired paired(double[] a, double[] b, long seed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples must be of equal length");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
        }
        Interval ci = mean(d, seed);
        if (d.length == 0) {
            return new Paired(ci, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int opposite = 0;
        double observed = ci.estimate();
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                sum += d[random.nextInt(d.length)];
            }
            double m = sum / d.length;
            if (observed > 0 ? m <= 0 : observed < 0 ? m >= 0 : true) {
                opposite++;
            }
        }
        double p = observed == 0 ? 1.0 : Math.min(1.0, 2.0 * opposite / RESAMPLES);
        return new Paired(ci, p);
    }

    /** A paired difference: its interval, and the bootstrap p-value of no difference. */
    public record Paired(Interval difference, double p) {
    }

    static double average(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
