package org.clinigate.knowledge.terminology;

import java.util.Objects;
import java.util.Optional;

/**
 * The RxNorm reading of a drug mention.
 *
 * @param ingredient the ingredient (IN), or the multiple-ingredient concept (MIN) for a brand or name of several
 * @param strength the strength the mention states, if any, in RxNorm units
 * @param component the clinical drug component (SCDC) with that ingredient and strength, when the data has one
 * @param score 1 for an exact name, lower for a corrected spelling
 */
public record DrugMatch(RxConcept ingredient, Optional<Strength> strength, Optional<RxConcept> component,
        double score) {

    public DrugMatch {
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(component, "component");
        if (!ingredient.type().isIngredient()) {
            throw new IllegalArgumentException("not an ingredient: " + ingredient.type());
        }
    }
}
