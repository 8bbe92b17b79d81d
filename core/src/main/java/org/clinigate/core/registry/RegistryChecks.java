package org.clinigate.core.registry;

import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Field checks shared by the registry's records; every failure is {@code CG-7105} naming the field. */
final class RegistryChecks {

    /** Registry names: what a client writes after the colon in {@code base:adapter}, so no colon and no spaces. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private RegistryChecks() {
    }

    static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new ClinigateException(ErrorCode.CG_7105,
                    field + " must be 1 to 128 of [A-Za-z0-9._-], starting with a letter or digit");
        }
        return value;
    }

    /** Optional text: null becomes empty; too long or holding NUL fails. */
    static String text(String field, String value, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() > max || value.indexOf('\0') >= 0) {
            throw new ClinigateException(ErrorCode.CG_7105,
                    field + " must be at most " + max + " characters without NUL");
        }
        return value;
    }

    /** Required single-line text such as a location or a principal. */
    static String line(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new ClinigateException(ErrorCode.CG_7105,
                    field + " is required: 1 to " + max + " characters on one line");
        }
        return value;
    }
}
