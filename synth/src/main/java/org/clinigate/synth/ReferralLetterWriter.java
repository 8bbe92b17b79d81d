package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.EMAIL;
import static org.clinigate.core.phi.PhiCategory.FAX;
import static org.clinigate.core.phi.PhiCategory.LICENSE;
import static org.clinigate.core.phi.PhiCategory.LOCATION;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.NAME;
import static org.clinigate.core.phi.PhiCategory.ORGANIZATION;
import static org.clinigate.core.phi.PhiCategory.PHONE;

/**
 * Writes a referral letter: clinic letterhead with address, phone and fax, the date, the recipient,
 * a "Re:" line, a narrative body and a signature block with NPI and DEA numbers.
 */
final class ReferralLetterWriter {

    private ReferralLetterWriter() {
    }

    static void write(NoteContext c) {
        letterhead(c);
        c.t("\n\n").phi(DATE, Dates.format(c.dice, c.visit, c.dice.pick(Dates.Form.MONTH_DAY_YEAR,
                Dates.Form.SLASH_LONG, Dates.Form.DAY_MON_YEAR))).t("\n\n");
        Person to = Person.draw(c.dice);
        c.t("Dr. ").phi(NAME, to.full()).t("\n").t(c.dice.pick("Department of Cardiology", "Neurology Clinic",
                "Division of Nephrology", "Orthopedic Surgery", "Gastroenterology")).t(", ");
        c.phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS)).t("\n\nRe: ");
        Names.patientFull(c);
        c.t(", DOB ").phi(DATE, Dates.birth(c.dice, c.patient.dob())).t(", ");
        IdFragments.mrnLabel(c);
        c.phi(MRN, c.patient.mrn()).t("\n\nDear Dr. ").phi(NAME, to.last()).t(",\n\n");
        body(c);
        c.t("\n\nSincerely,\n\n").phi(NAME, c.author.full()).t(", MD\n");
        c.t("NPI ").phi(LICENSE, Identifiers.npi(c.dice));
        if (c.dice.chance(0.5)) {
            c.t("   DEA #").phi(LICENSE, Identifiers.dea(c.dice, c.author));
        }
    }

    private static void letterhead(NoteContext c) {
        Address clinic = Address.draw(c.dice);
        c.phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS)).t("\n");
        c.phi(LOCATION, clinic.street());
        if (!clinic.unit().isEmpty()) {
            c.t(", ").phi(LOCATION, clinic.unit());
        }
        c.t("\n").phi(LOCATION, clinic.city()).t(", " + clinic.state() + " ").phi(LOCATION, clinic.zip());
        c.t("\nTel: ").phi(PHONE, Phones.format(c.dice, Phones.draw(c.dice), true));
        c.t("   Fax: ").phi(FAX, Phones.format(c.dice, Phones.draw(c.dice), false));
        if (c.dice.chance(0.4)) {
            c.t("\n").phi(EMAIL, "referrals@" + ContactFragments.slug(c.dice.pick(OrgPools.HOSPITALS)) + ".org");
        }
    }

    private static void body(NoteContext c) {
        c.t("I am writing to refer ");
        Names.patientTitled(c);
        c.t(", " + PersonFragments.article(c.age()) + " ");
        PersonFragments.age(c, c.age(), PersonFragments.AgeShape.HYPHENATED);
        c.t(" " + c.noun() + " who lives in ").phi(LOCATION, c.patient.address().city());
        c.t(", for evaluation of " + c.dice.pick(Clinical.COMPLAINTS) + ". ");
        Traps.eponym(c);
        c.t(" ");
        Traps.any(c);
        c.t(" ");
        ContactFragments.organization(c);
        Extras.add(c, " ", c.dice.between(1, 14), 2050);
        c.t("\n\nPlease contact my office at ").phi(PHONE, Phones.format(c.dice, Phones.draw(c.dice), true));
        c.t(" or fax notes to ").phi(FAX, Phones.format(c.dice, Phones.draw(c.dice), false));
        c.t(". Thank you for seeing ");
        Names.patientTitled(c);
        c.t(".");
    }
}
