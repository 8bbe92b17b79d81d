package org.clinigate.core.phi;

/**
 * The identifier categories Clinigate detects: the 18 HIPAA Safe Harbor identifiers of 45 CFR
 * 164.514(b)(2), folded into the closed set that DESIGN.md names.
 *
 * <p>Safe Harbor lists "geographic subdivisions smaller than a state" (LOCATION), "all elements of
 * dates except year" (DATE) and "ages over 89" (AGE); biometric identifiers and photographs have no
 * place in free text and fall under {@link #ID} when they appear as identifiers. Immutable and thread
 * safe.
 */
public enum PhiCategory {
    NAME, DATE, AGE, PHONE, FAX, EMAIL, URL, IP, SSN, MRN, ACCOUNT, HEALTH_PLAN, LICENSE, VEHICLE, DEVICE, LOCATION, ORGANIZATION, ID;

    /** The tag written in {@code tag} mode, for example {@code [NAME]}. */
    public String tag() {
        return "[" + name() + "]";
    }

    /**
     * Parses a category name case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is not one
     */
    public static PhiCategory parse(String name) {
        for (PhiCategory c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown PHI category; allowed: " + java.util.Arrays.toString(values()));
    }
}
