package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.DEVICE;
import static org.clinigate.core.phi.PhiCategory.ID;
import static org.clinigate.core.phi.PhiCategory.IP;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.ORGANIZATION;
import static org.clinigate.core.phi.PhiCategory.URL;

/**
 * Writes an imaging report: exam header with accession number, patient line, history, comparison,
 * technique, findings, impression, image location and the dictating radiologist.
 */
final class RadiologyReportWriter {

    private RadiologyReportWriter() {
    }

    static void write(NoteContext c) {
        c.t(c.dice.pick("RADIOLOGY REPORT", "Radiology Report", "DIAGNOSTIC IMAGING REPORT")).t("\n");
        c.t("Exam: " + c.dice.pick(Clinical.EXAMS) + "\n");
        c.t(c.dice.pick("Accession number: ", "Accession #: ", "Acc# ")).phi(ID, IdFragments.accession(c.dice));
        c.t("\nPatient: ");
        Names.patientFull(c);
        c.t("   ");
        IdFragments.mrnLabel(c);
        c.phi(MRN, c.patient.mrn()).t("   DOB: ").phi(DATE, Dates.birth(c.dice, c.patient.dob()));
        c.t("\nOrdering physician: ");
        Names.clinician(c, c.patient.pcp());
        c.t("   Location: ").phi(ORGANIZATION, c.patient.hospital());
        c.t("\nExam date: ").phi(DATE, c.dice.chance(0.5)
                ? Dates.format(c.dice, c.visit, Dates.Form.ISO_TIME)
                : Dates.full(c.dice, c.visit));
        c.t("\n\nCLINICAL HISTORY: ");
        PersonFragments.age(c, c.age(), c.dice.pick(PersonFragments.AgeShape.Y_O, PersonFragments.AgeShape.YO,
                PersonFragments.AgeShape.HYPHENATED, PersonFragments.AgeShape.YEAR_OLD));
        c.t(" " + (c.female() ? "female" : "male") + " with " + c.dice.pick(Clinical.COMPLAINTS) + ". ");
        Traps.eponym(c);
        comparison(c);
        c.t("\n\nTECHNIQUE: Standard protocol. Dose reduction techniques were used.");
        c.t("\n\nFINDINGS: ").t(c.dice.pick(Clinical.FINDINGS)).t(" ").t(c.dice.pick(Clinical.FINDINGS));
        if (c.dice.chance(0.3)) {
            c.t(" Cardiac device in place, serial number ").phi(DEVICE, Identifiers.deviceSerial(c.dice)).t(".");
        }
        Extras.add(c, " ", c.dice.between(0, 12), 1950);
        c.t("\n\nIMPRESSION: ").t(c.dice.pick(Clinical.IMPRESSIONS)).t(" ").t(c.dice.pick(Clinical.IMPRESSIONS));
        images(c);
        c.t("\n\n");
        Names.signature(c, c.author, "MD");
        c.t("\nTranscribed: ").phi(DATE, Dates.format(c.dice, c.visit, Dates.Form.SLASH_SHORT))
                .t(" " + Dates.time(c.dice));
    }

    private static void comparison(NoteContext c) {
        c.t("\n\nCOMPARISON: ");
        switch (c.dice.between(0, 2)) {
            case 0 -> c.t("None.");
            case 1 -> c.t("Outside study dated ").phi(DATE, Dates.full(c.dice, c.daysBefore(30, 900))).t(" from ")
                    .phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS)).t(".");
            case 2 -> c.t("Prior exam from " + (c.visit.getYear() - c.dice.between(1, 8)) + ", report only.");
            default -> throw new UnsupportedOperationException("comparison form");
        }
    }

    private static void images(NoteContext c) {
        switch (c.dice.between(0, 2)) {
            case 0 -> c.t("\n\nImages: ").phi(URL, "https://pacs." + ContactFragments.slug(c.patient.hospital())
                    + ".org/viewer?acc=" + c.dice.digits(8));
            case 1 -> c.t("\n\nImages archived on PACS node ").phi(IP, Identifiers.ipv4(c.dice)).t(".");
            case 2 -> c.t("");
            default -> throw new UnsupportedOperationException("image location");
        }
    }
}
