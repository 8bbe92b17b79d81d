package org.clinigate.safety.medication;

import java.util.Objects;

/**
 * One medication finding: its kind, {@code [start, end)} into the checked text, and a message built from drug names,
 * numbers and the table's citation, never from the text.
 */
public record MedFinding(MedCheck kind, int start, int end, String message) {

    public MedFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("finding must satisfy 0 <= start <= end");
        }
    }
}
