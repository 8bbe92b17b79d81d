package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.NAME;
import static org.clinigate.core.phi.PhiCategory.ORGANIZATION;

import java.util.List;

/**
 * Writes a telegraphic nursing shift note: a header with name, record number and date of birth, timed
 * entries in clipped style ("Pt A&Ox3. Wife Mary at bedside. VSS."), then the nurse's signature.
 */
final class NursingNoteWriter {

    private NursingNoteWriter() {
    }

    static void write(NoteContext c) {
        List<String> observations = c.dice.sample(Clinical.NURSING, 3);
        header(c);
        c.t("\n\n").t(Dates.time(c.dice).replace(":", "")).t(": ");
        c.t(observations.get(0)).t(" ");
        Names.relative(c, true);
        c.t(" at bedside. ").t(observations.get(1)).t(" ");
        c.t(c.dice.pick(Traps.NUMBERS));
        c.t("\n").t(Dates.time(c.dice).replace(":", "")).t(": ");
        c.t(c.dice.pick("Called ", "Paged ", "Notified "));
        Names.clinician(c, c.patient.pcp());
        c.t(c.dice.pick(" re K 5.9. Orders rec'd.", " re BP 88/50. Bolus ordered.", " re: pain. No new orders."));
        c.t(" ").t(observations.get(2)).t(" ");
        Traps.any(c);
        Extras.add(c, c.dice.chance(0.5) ? " " : "\n", c.dice.between(1, 14), 2100);
        c.t("\n");
        if (c.dice.chance(0.4)) {
            Traps.eponym(c);
            c.t("\n");
        }
        Names.signature(c, c.author, c.dice.pick("RN", "LPN", "RN, BSN"));
        if (c.dice.chance(0.5)) {
            c.t(" ").phi(DATE, Dates.format(c.dice, c.visit, Dates.Form.SLASH_SHORT)).t(" " + Dates.time(c.dice));
        }
    }

    private static void header(NoteContext c) {
        c.t(c.dice.pick("NURSING NOTE", "Nursing Progress Note", "RN Shift Note", "NURSING ASSESSMENT")).t("\n");
        c.t(c.dice.pick("Pt name: ", "Patient: ", "Name: "));
        Names.patientFull(c);
        c.t("   ");
        IdFragments.mrnLabel(c);
        c.phi(MRN, c.patient.mrn()).t("\n");
        c.t("DOB: ").phi(DATE, Dates.birth(c.dice, c.patient.dob()));
        c.t("   ");
        PersonFragments.age(c, c.age(), c.dice.pick(PersonFragments.AgeShape.values()));
        c.t("\nUnit: " + c.dice.between(2, 9) + c.dice.pick(" West", " East", " North", " ICU", "B") + ", ");
        c.phi(ORGANIZATION, c.patient.hospital());
        if (c.dice.chance(0.3)) {
            c.t("   Rm " + c.dice.between(100, 899) + "-").phi(NAME, Names.upper(c.patient.name().last()));
        }
        c.t("   Date: ").phi(DATE, Dates.full(c.dice, c.visit)).t(" " + Dates.time(c.dice));
    }
}
