package org.clinigate.safety.medication;

import java.util.Locale;

/** How a dose is given, as far as limits differ by it. */
public enum Route {
    /** By mouth: tablets, capsules, liquids, PO. */
    ORAL,
    /** By injection or infusion: IV, IM, SC. */
    PARENTERAL,
    /** Limits that hold whatever the route; also the route of a mention that names none. */
    ANY;

    /** Parses {@code oral}, {@code parenteral} or {@code any}. */
    static Route parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
