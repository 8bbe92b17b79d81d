package org.clinigate.core.rails;

import java.util.Arrays;
import java.util.Locale;

/** How serious a rail finding is, in increasing order. Immutable and thread safe. */
public enum Severity {
    /** Worth a reviewer's glance; never dangerous on its own. */
    LOW,
    /** A problem a reviewer should fix before signing. */
    MEDIUM,
    /** A likely danger to a patient or a breach of policy. */
    HIGH,
    /** An immediate danger: an emergency, or a dose that can kill. */
    CRITICAL;

    /** The wire form, for example {@code high}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a severity case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("allowed: " + Arrays.stream(values()).map(Severity::wireName).toList());
    }
}
