package org.clinigate.knowledge.terminology;

import java.util.Objects;

/**
 * A ranked ICD-10-CM candidate for a free-text problem.
 *
 * @param code the dotted code, for example {@code I48.91}
 * @param description the code's long description
 * @param billable whether the code is billable (a leaf) in the loaded release
 * @param score how well the description covers the problem, 0 to 1; comparable only within one call
 */
public record CodeMatch(String code, String description, boolean billable, double score) {

    public CodeMatch {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return "CodeMatch[" + code + ", score=" + String.format(java.util.Locale.ROOT, "%.3f", score) + "]";
    }
}
