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
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + group).getBytes(StandardCharsets.UTF_8));
            long top = ByteBuffer.wrap(h).getLong();
            // The top 53 bits as a uniform fraction in [0, 1).
            double u = (top >>> 11) * 0x1.0p-53;
            return u < evalFraction;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
