package org.clinigate.knowledge.terminology.labs;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A lab a rule asks for that the patient context lacks, or has only too long ago.
 *
 * @param ruleId the rule
 * @param trigger what made the rule apply, as system and code ({@code ICD-10-CM E11.9}, {@code RxNorm 29046})
 * @param lab the missing lab
 * @param within how recent it should be
 * @param lastDone the date of the latest result of that lab, if any
 * @param dueSince the day it became due: the latest result's date plus the period, or, when there is no result, the
 *            day the triggering problem or medication started, if known
 * @param source the guideline the rule follows
 */
public record MissingLab(String ruleId, String trigger, LabGroup lab, Period within, Optional<LocalDate> lastDone,
        Optional<LocalDate> dueSince, String source) {

    public MissingLab {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(lab, "lab");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(lastDone, "lastDone");
        Objects.requireNonNull(dueSince, "dueSince");
        Objects.requireNonNull(source, "source");
    }

    /** True when the lab was never done (as opposed to done too long ago). */
    public boolean never() {
        return lastDone.isEmpty();
    }
}
