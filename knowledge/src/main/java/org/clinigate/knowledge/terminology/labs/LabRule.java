package org.clinigate.knowledge.terminology.labs;

import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A condition or drug that requires labs within a period.
 *
 * @param id a stable id, for example {@code warfarin-inr}
 * @param description one sentence a clinician reads
 * @param icd10cm ICD-10-CM code prefixes that trigger the rule ({@code E11} covers E11.9), without dots
 * @param snomed SNOMED CT concepts that trigger it, with their descendants when SNOMED CT is loaded
 * @param drugs RxNorm ingredients that trigger it
 * @param requires the labs it asks for, each needed on its own
 * @param within how recent each lab must be
 * @param source the guideline the rule follows
 */
public record LabRule(String id, String description, List<String> icd10cm, List<String> snomed, List<Drug> drugs,
        List<LabGroup> requires, Period within, String source) {

    public LabRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(source, "source");
        icd10cm = List.copyOf(icd10cm);
        snomed = List.copyOf(snomed);
        drugs = List.copyOf(drugs);
        requires = List.copyOf(requires);
    }

    /**
     * An RxNorm ingredient.
     *
     * @param rxcui its RXCUI
     * @param name its RxNorm name, also matched as a whole word in a medication's name
     */
    public record Drug(String rxcui, String name) {
        public Drug {
            Objects.requireNonNull(rxcui, "rxcui");
            Objects.requireNonNull(name, "name");
        }
    }
}
