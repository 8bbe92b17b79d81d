package org.clinigate.core.rails;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a rail knows besides the text: the task that produced it, the patient's age and weight when known, the
 * sources the model was grounded on, and the pseudonyms of the call's scope.
 *
 * @param task the task name, such as {@code chat}, {@code note-summary}, {@code radiology-draft} or {@code ask}
 * @param patientAgeYears the patient's age in years (fractions for infants), or null when unknown
 * @param patientWeightKg the patient's weight in kilograms, or null when unknown
 * @param sources the numbered sources of a grounded answer, in prompt order; empty when none were given
 * @param pseudonymsInScope the pseudonyms (such as {@code [NAME_1]}) of the call's scope, or null when the caller
 *     does not know them, in which case no pseudonym is judged out of scope
 */
public record RailContext(String task, Double patientAgeYears, Double patientWeightKg, List<RailSource> sources,
        Set<String> pseudonymsInScope) {

    /** The task name used when none is given. */
    public static final String DEFAULT_TASK = "chat";

    public RailContext {
        task = task == null || task.isBlank() ? DEFAULT_TASK : task.strip();
        if (patientAgeYears != null && !(patientAgeYears >= 0 && patientAgeYears <= 130)) {
            throw new IllegalArgumentException("patientAgeYears must be in [0, 130]");
        }
        if (patientWeightKg != null && !(patientWeightKg > 0 && patientWeightKg <= 500)) {
            throw new IllegalArgumentException("patientWeightKg must be in (0, 500]");
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
        pseudonymsInScope = pseudonymsInScope == null ? null : Set.copyOf(pseudonymsInScope);
    }

    /** A context that knows nothing but the task. */
    public static RailContext of(String task) {
        return new RailContext(task, null, null, List.of(), null);
    }

    /** The default task, nothing else known. */
    public static RailContext empty() {
        return of(DEFAULT_TASK);
    }

    public RailContext withPatientAge(double years) {
        return new RailContext(task, years, patientWeightKg, sources, pseudonymsInScope);
    }

    public RailContext withPatientWeight(double kg) {
        return new RailContext(task, patientAgeYears, kg, sources, pseudonymsInScope);
    }

    public RailContext withSources(List<RailSource> s) {
        return new RailContext(task, patientAgeYears, patientWeightKg, s, pseudonymsInScope);
    }

    public RailContext withPseudonyms(Set<String> inScope) {
        return new RailContext(task, patientAgeYears, patientWeightKg, sources, Objects.requireNonNull(inScope));
    }

    public OptionalDouble ageYears() {
        return patientAgeYears == null ? OptionalDouble.empty() : OptionalDouble.of(patientAgeYears);
    }

    public OptionalDouble weightKg() {
        return patientWeightKg == null ? OptionalDouble.empty() : OptionalDouble.of(patientWeightKg);
    }

    public Optional<Set<String>> pseudonyms() {
        return Optional.ofNullable(pseudonymsInScope);
    }

    @Override
    public String toString() {
        return "RailContext[task=" + task + ", age=" + (patientAgeYears != null) + ", weight="
                + (patientWeightKg != null) + ", sources=" + sources.size() + ", pseudonyms="
                + (pseudonymsInScope == null
                        ? "unknown"
                        : String.valueOf(pseudonymsInScope.size()))
                + "]";
    }
}
