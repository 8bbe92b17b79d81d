package org.clinigate.safety.medication;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the dose table: a drug's canonical name, the names it is written by, the unit its table row was written
 * in (for messages), adult and paediatric limits per route, the age from which adult limits apply, the age under
 * which the label advises against it, whether it is dosed weekly, and its label citations. Immutable.
 */
public record Drug(String name, List<String> aliases, String displayUnit, Map<Route, Limits> adult,
        Map<Route, Limits> pediatric, double adultFromAge, Double notUnderAge, boolean weekly,
        List<LabelCitation> citations, String note) {

    public Drug {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(displayUnit, "displayUnit");
        adult = Map.copyOf(adult);
        pediatric = Map.copyOf(pediatric);
        citations = List.copyOf(citations);
        if (citations.isEmpty()) {
            throw new IllegalArgumentException("drug " + name + " needs a citation");
        }
        note = note == null ? "" : note;
    }

    /** Adult limits for {@code route}; see {@link #pick}. */
    public Optional<Limits> adultLimits(Route route) {
        return pick(adult, route);
    }

    public Optional<Limits> pediatricLimits(Route route) {
        return pick(pediatric, route);
    }

    /**
     * Limits of the given route, else the route-free ({@link Route#ANY}) row. A mention without a route takes the
     * route-free row, else the only row, else the loosest of the rows, so that it is never held to the stricter
     * route by guess.
     */
    static Optional<Limits> pick(Map<Route, Limits> rows, Route route) {
        if (route != Route.ANY) {
            Limits l = rows.get(route);
            return Optional.ofNullable(l != null ? l : rows.get(Route.ANY));
        }
        if (rows.containsKey(Route.ANY)) {
            return Optional.of(rows.get(Route.ANY));
        }
        return rows.values().stream().reduce(Limits::loosest);
    }

    /** The first citation's short form, for messages. */
    public String source() {
        return citations.get(0).shortForm();
    }
}
