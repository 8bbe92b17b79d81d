package org.clinigate.knowledge.terminology;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ICD-10-CM code with its long description.
 *
 * @param code the code in its dotted form, for example {@code E11.9}; {@link #canonical} turns {@code E119} into it
 * @param description the long description of the release it was read from
 * @param billable true when the code is valid for HIPAA-covered transactions (a leaf of the tabular list); false for
 *            categories and subcategories that have children
 */
public record IcdCode(String code, String description, boolean billable) {

    private static final Pattern DOTTED = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    public IcdCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        if (!DOTTED.matcher(code).matches()) {
            throw new IllegalArgumentException("not a dotted ICD-10-CM code (" + code.length() + " chars)");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("empty description for " + code);
        }
    }

    /**
     * The dotted, upper-case form of a code written with or without its dot ({@code e119} and {@code E11.9} both
     * give {@code E11.9}). Does not check that the result is well formed; the constructor does.
     */
    public static String canonical(String code) {
        String plain = code.strip().replace(".", "").toUpperCase(Locale.ROOT);
        return plain.length() > 3 ? plain.substring(0, 3) + "." + plain.substring(3) : plain;
    }

    @Override
    public String toString() {
        return "IcdCode[" + code + (billable ? ", billable]" : "]");
    }
}
