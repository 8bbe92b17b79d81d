package org.clinigate.core.phi;

/**
 * How a detected identifier is transformed.
 *
 * <ul>
 * <li>{@link #TAG}: replaced by its category, {@code [NAME]}. Not reversible.
 * <li>{@link #PSEUDONYM}: replaced by a token that is stable within a scope, {@code [NAME_1]}. Reversible
 * through the scope's {@link PhiMap}.
 * <li>{@link #SURROGATE}: replaced by a realistic value of the same shape; dates move by one offset per
 * scope, so intervals survive; ages over 89 become {@code 90+}. Reversible through the {@link PhiMap}.
 * <li>{@link #REDACT}: replaced by a run of {@code *} of the same length. Not reversible.
 * </ul>
 */
public enum Mode {
    TAG, PSEUDONYM, SURROGATE, REDACT;

    public boolean reversible() {
        return this == PSEUDONYM || this == SURROGATE;
    }

    /**
     * Parses a mode name case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is not one
     */
    public static Mode parse(String name) {
        for (Mode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode; allowed: tag, pseudonym, surrogate, redact");
    }
}
