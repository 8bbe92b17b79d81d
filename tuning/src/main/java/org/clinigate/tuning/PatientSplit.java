package org.clinigate.tuning;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Puts whole groups (patients) into train or eval: a group goes to eval when SHA-256 of {@code seed:group}, read as
 * a fraction of 2^64, falls below the eval fraction. The same seed, group and fraction always give the same side,
 * whatever the order or number of examples, and no group is ever split. The share of examples in eval is only
 * close to the fraction, since groups differ in size. Immutable.
 *
 * @param evalFraction the share of groups that go to eval, in [0, 0.9]
 * @param seed mixes into the hash, so that another seed draws another split
 */
record PatientSplit(double evalFraction, long seed) {

    PatientSplit {
        if (!(evalFraction >= 0 && evalFraction <= 0.9)) {
            throw new ClinigateException(ErrorCode.CG_7112, "--eval-fraction must be in [0, 0.9]");
        }
    }

    boolean isEval(String group) {
        return draw(group) < evalFraction;
    }

    /**
     * The groups of {@code groups} that go to eval. With few patients the draw can leave eval empty (10 patients at
     * 0.1: about one run in three); then, when the fraction is above 0 and there are at least two groups, the group
     * with the lowest draw goes to eval, so that an eval file is never empty by chance. Still deterministic.
     */
    java.util.Set<String> evalGroups(java.util.Collection<String> groups) {
        java.util.Set<String> out = new java.util.HashSet<>();
        String lowest = null;
        double low = 2;
        for (String g : new java.util.TreeSet<>(groups)) {
            double u = draw(g);
            if (u < evalFraction) {
                out.add(g);
            }
            if (u < low) {
                low = u;
                lowest = g;
            }
        }
        if (out.isEmpty() && evalFraction > 0 && groups.size() >= 2) {
            out.add(lowest);
        }
        return out;
    }

    /** SHA-256 of {@code seed:group}, its top 53 bits as a uniform fraction in [0, 1). */
    private double draw(String group) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + group).getBytes(StandardCharsets.UTF_8));
            long top = ByteBuffer.wrap(h).getLong();
            return (top >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
