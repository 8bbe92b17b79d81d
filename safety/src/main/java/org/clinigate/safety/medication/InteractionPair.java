package org.clinigate.safety.medication;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pair of drug groups that must not be given together, or only with special care: any drug of {@code first} with
 * any drug of {@code second}. {@code risk} says what can happen, in the table's words; {@code citations} give the
 * labels that list the pair.
 */
public record InteractionPair(String id, Set<String> first, Set<String> second, String risk,
        List<LabelCitation> citations) {

    public InteractionPair {
        Objects.requireNonNull(id, "id");
        first = Set.copyOf(first);
        second = Set.copyOf(second);
        Objects.requireNonNull(risk, "risk");
        citations = List.copyOf(citations);
    }
}
