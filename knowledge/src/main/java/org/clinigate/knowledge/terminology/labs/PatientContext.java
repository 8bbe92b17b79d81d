package org.clinigate.knowledge.terminology.labs;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What missing-lab rules look at: a patient's current problems and medications and the dates of lab results, as of
 * one day. Built from a FHIR R4 Bundle ({@link FhirBundles}) or from lists extracted from a note
 * ({@link NoteLists}). Holds clinical data: {@code toString()} gives counts only.
 *
 * @param asOf the day the rules are evaluated for
 * @param problems current conditions
 * @param medications current medications
 * @param labs lab results with their dates
 */
public record PatientContext(LocalDate asOf, List<Problem> problems, List<Medication> medications,
        List<LabResult> labs) {

    public PatientContext {
        Objects.requireNonNull(asOf, "asOf");
        problems = List.copyOf(problems);
        medications = List.copyOf(medications);
        labs = List.copyOf(labs);
    }

    /** The code systems a problem may be coded in. */
    public enum ProblemSystem {
        /** ICD-10-CM, dotted or not. */
        ICD10CM,
        /** SNOMED CT concept id. */
        SNOMED
    }

    /**
     * A current condition.
     *
     * @param system its code system
     * @param code its code
     * @param since its onset or recording date, if known
     */
    public record Problem(ProblemSystem system, String code, Optional<LocalDate> since) {
        public Problem {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * A current medication.
     *
     * @param rxcui its RxNorm code (an ingredient, component, clinical or branded drug), if coded
     * @param name its name as written (used to match a rule's ingredient when the code does not), may be empty
     * @param since when it was prescribed or started, if known
     */
    public record Medication(Optional<String> rxcui, String name, Optional<LocalDate> since) {
        public Medication {
            Objects.requireNonNull(rxcui, "rxcui");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String toString() {
            return "Medication[rxcui=" + rxcui.orElse("none") + ", name " + name.length() + " chars]";
        }
    }

    /**
     * A lab result's code and date; the value does not matter to missing-lab rules.
     *
     * @param loinc its LOINC code
     * @param date the day it was taken
     */
    public record LabResult(String loinc, LocalDate date) {
        public LabResult {
            Objects.requireNonNull(loinc, "loinc");
            Objects.requireNonNull(date, "date");
        }
    }

    @Override
    public String toString() {
        return "PatientContext[asOf=" + asOf + ", " + problems.size() + " problems, " + medications.size()
                + " medications, " + labs.size() + " labs]";
    }
}
