package org.clinigate.deid.detect;

import org.clinigate.core.phi.PhiCategory;

/**
 * A possible identifier found by one detector, before overlaps are resolved. Higher {@code priority}
 * wins a conflict; structured patterns (email, SSN) outrank lexicon guesses.
 */
record Candidate(int start, int end, PhiCategory category, int priority) {

    static final int GUESS = 10;
    static final int LEXICON = 20;
    static final int CONTEXT = 30;
    static final int PATTERN = 40;
    static final int STRUCTURED = 50;

    Candidate {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad candidate range [" + start + ", " + end + ")");
        }
    }
}
