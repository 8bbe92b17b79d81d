package org.clinigate.knowledge.terminology;

import java.util.Locale;
import java.util.Optional;

/** The RxNorm term types the importers keep: ingredients, clinical and branded drugs and components, brand names. */
public enum RxTermType {
    /** Ingredient, for example warfarin. */
    IN,
    /** Precise ingredient (a salt or form of an ingredient), for example warfarin sodium. */
    PIN,
    /** Multiple ingredients, for example hydrochlorothiazide / lisinopril. */
    MIN,
    /** Semantic clinical drug component: ingredient and strength, for example warfarin sodium 5 MG. */
    SCDC,
    /** Semantic clinical drug: components and dose form. */
    SCD,
    /** Semantic branded drug: an SCD with its brand in square brackets. */
    SBD,
    /** Brand name. */
    BN;

    /** The type a TTY column names, or empty for the types the importers skip. */
    static Optional<RxTermType> of(String tty) {
        try {
            return Optional.of(valueOf(tty.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True for IN, PIN and MIN. */
    public boolean isIngredient() {
        return this == IN || this == PIN || this == MIN;
    }
}
