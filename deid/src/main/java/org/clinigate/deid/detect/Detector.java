package org.clinigate.deid.detect;

import java.util.List;

/** One family of detection rules. Implementations are stateless and thread safe. */
interface Detector {

    /** Adds every candidate found in {@code text} to {@code out}; never removes any. */
    void detect(TextView text, List<Candidate> out);
}
