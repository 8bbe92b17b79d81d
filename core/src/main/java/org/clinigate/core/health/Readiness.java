package org.clinigate.core.health;

import java.util.Objects;

/**
 * Whether a component can serve now and, when it cannot, what is missing and how to fix it. The detail names
 * settings, states and counts, never user text or file names.
 */
public record Readiness(boolean ready, String detail) {

    public Readiness {
        Objects.requireNonNull(detail, "detail");
    }

    public static Readiness ready(String detail) {
        return new Readiness(true, detail);
    }

    public static Readiness notReady(String detail) {
        return new Readiness(false, detail);
    }
}
