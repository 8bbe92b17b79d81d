package org.clinigate.knowledge.terminology;

import java.util.Objects;

/**
 * One RxNorm concept.
 *
 * @param rxcui the RxNorm concept unique identifier, digits only
 * @param type its term type
 * @param name its RxNorm name, for example {@code metformin hydrochloride 500 MG}
 */
public record RxConcept(String rxcui, RxTermType type, String name) {

    public RxConcept {
        Objects.requireNonNull(rxcui, "rxcui");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (rxcui.isEmpty() || !rxcui.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an RXCUI is digits only (" + rxcui.length() + " chars)");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("empty name for RXCUI " + rxcui);
        }
    }
}
