package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.ACCOUNT;
import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.ORGANIZATION;
import static org.clinigate.core.phi.PhiCategory.PHONE;

import java.time.LocalDate;

/**
 * Writes a discharge summary: demographics and dates, HPI, hospital course, assessment and plan,
 * medications, follow-up and an electronic signature.
 */
final class DischargeSummaryWriter {

    private DischargeSummaryWriter() {
    }

    static void write(NoteContext c) {
        LocalDate admitted = c.daysBefore(2, 12);
        c.t(c.dice.pick("DISCHARGE SUMMARY", "Discharge Summary", "HOSPITAL DISCHARGE SUMMARY")).t("\n");
        c.t("Patient: ");
        Names.patientFull(c);
        c.t("    ");
        IdFragments.mrnLabel(c);
        c.phi(MRN, c.patient.mrn());
        if (c.dice.chance(0.5)) {
            c.t("    Acct #: ").phi(ACCOUNT, c.patient.account());
        }
        c.t("\nDOB: ").phi(DATE, Dates.birth(c.dice, c.patient.dob())).t("    ");
        PersonFragments.age(c, c.age(), PersonFragments.AgeShape.LABEL);
        c.t("\nAdmission date: ").phi(DATE, Dates.full(c.dice, admitted));
        c.t("    Discharge date: ").phi(DATE, Dates.full(c.dice, c.visit));
        c.t("\nAttending: ");
        Names.clinician(c, c.author);
        c.t("    PCP: ");
        Names.clinician(c, c.patient.pcp());
        c.t("\nFacility: ").phi(ORGANIZATION, c.patient.hospital()).t("\n\n");
        hpi(c, admitted);
        c.t("\n\nHOSPITAL COURSE: ").t(c.dice.pick(Clinical.COURSE)).t(" ").t(c.dice.pick(Clinical.COURSE)).t(" ");
        Traps.any(c);
        Extras.add(c, " ", c.dice.between(1, 16), 1650);
        c.t("\n\nASSESSMENT AND PLAN: ").t(c.dice.pick(Clinical.PLAN)).t(" ").t(c.dice.pick(Clinical.PLAN));
        c.t("\n\nDISCHARGE MEDICATIONS: ").t(c.dice.pick(Traps.NUMBERS)).t(" ");
        c.t("Metoprolol 25 mg BID; Lisinopril 10 mg daily; Eliquis 5 mg BID.");
        followUp(c);
        c.t("\n\n");
        Names.signature(c, c.author, "MD");
        c.t(" on ").phi(DATE, Dates.format(c.dice, c.visit, Dates.Form.SLASH_LONG)).t(" " + Dates.time(c.dice));
    }

    private static void hpi(NoteContext c, LocalDate admitted) {
        c.t("HPI: ");
        Names.patientTitled(c);
        c.t(" is " + PersonFragments.article(c.age()) + " ");
        PersonFragments.age(c, c.age(), c.dice.pick(PersonFragments.AgeShape.Y_O, PersonFragments.AgeShape.HYPHENATED,
                PersonFragments.AgeShape.YO, PersonFragments.AgeShape.YEAR_OLD));
        c.t(" " + c.noun() + " with a history of ");
        c.t(c.dice.pick("Parkinson's disease", "Crohn's disease", "Graves' disease", "Alzheimer's dementia",
                "hypertension", "Hodgkin lymphoma (treated in 2009)"));
        c.t(" who presented ");
        if (c.dice.chance(0.3)) {
            c.t("on the ").phi(DATE, Dates.ordinal(admitted.getDayOfMonth()));
        } else {
            c.t("on ").phi(DATE, Dates.day(c.dice, admitted));
        }
        c.t(" with " + c.dice.pick(Clinical.COMPLAINTS) + ". ");
        PersonFragments.name(c);
        c.t(" ");
        Traps.any(c);
    }

    private static void followUp(NoteContext c) {
        c.t("\n\nFOLLOW-UP: With ");
        Names.clinician(c, c.patient.pcp());
        c.t(" at ").phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS)).t(" on ");
        c.phi(DATE, Dates.day(c.dice, c.visit.plusDays(c.dice.between(5, 30))));
        c.t(", phone ").phi(PHONE, Phones.format(c.dice, Phones.draw(c.dice), true)).t(".");
    }
}
