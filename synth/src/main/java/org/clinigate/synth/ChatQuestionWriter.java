package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.ACCOUNT;
import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.EMAIL;
import static org.clinigate.core.phi.PhiCategory.HEALTH_PLAN;
import static org.clinigate.core.phi.PhiCategory.LOCATION;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.NAME;
import static org.clinigate.core.phi.PhiCategory.ORGANIZATION;
import static org.clinigate.core.phi.PhiCategory.PHONE;
import static org.clinigate.core.phi.PhiCategory.SSN;

import org.clinigate.synth.PersonFragments.AgeShape;

/**
 * Writes a short question typed into a chat assistant, 40 to 300 characters, always naming the
 * patient ("can u summarize the labs for john smith dob 3/4/51 mrn 8812345").
 */
final class ChatQuestionWriter {

    /** The longest a chat question may be. */
    static final int MAX_LENGTH = 300;

    private ChatQuestionWriter() {
    }

    static void write(NoteContext c) {
        DocBuilder.Mark start = c.out.mark();
        question(c, c.dice.between(0, 15));
        if (c.out.length() > MAX_LENGTH) {
            c.out.reset(start);
            question(c, 0);
        }
    }

    private static void question(NoteContext c, int template) {
        switch (template) {
            case 0 -> {
                c.t("can u summarize the labs for ");
                name(c);
                c.t(" dob ").phi(DATE, Dates.format(c.dice, c.patient.dob(), Dates.Form.SLASH_SHORT));
                c.t(" mrn ").phi(MRN, c.patient.mrn());
            }
            case 1 -> {
                c.t("What dose of " + c.dice.pick(Clinical.DRUGS) + " is safe for ");
                name(c);
                c.t(" (");
                PersonFragments.age(c, c.age(), AgeShape.YO);
                c.t(", MRN ").phi(MRN, c.patient.mrn()).t(") with CKD stage 3?");
            }
            case 2 -> {
                c.t("Draft a discharge letter for ");
                Names.patientTitled(c);
                c.t(", admitted ").phi(DATE, Dates.day(c.dice, c.daysBefore(2, 10))).t(" to ");
                c.phi(ORGANIZATION, c.patient.hospital()).t(".");
            }
            case 3 -> {
                c.t("pt ");
                name(c);
                c.t(" ");
                PersonFragments.age(c, c.age(), AgeShape.YO);
                c.t(" fell at home on the ").phi(DATE, Dates.ordinal(c.daysBefore(1, 5).getDayOfMonth()));
                c.t(", what imaging should i order?");
            }
            case 4 -> {
                c.t("Write a referral to Dr. ").phi(NAME, c.patient.pcp().last()).t(" for ");
                name(c);
                c.t(", phone ").phi(PHONE, Phones.format(c.dice, c.patient.phone(), false)).t(".");
            }
            case 5 -> {
                c.t("Is BP 150/95 ok for ");
                name(c);
                c.t(" on Lisinopril 10 mg? " + c.pronoun(true) + " lives alone in ");
                c.phi(LOCATION, c.patient.address().city()).t(".");
            }
            case 6 -> {
                c.t("Please explain ").phi(NAME, c.patient.name().full()).t("'s MRI from ");
                c.phi(DATE, Dates.any(c.dice, c.daysBefore(1, 60))).t(" in plain language.");
            }
            case 7 -> {
                c.t("Translate the discharge instructions for ");
                name(c);
                c.t(" into Spanish and email them to ").phi(EMAIL, c.patient.email()).t(".");
            }
            case 8 -> {
                c.t("my " + (c.female() ? "mom " : "dad "));
                name(c);
                c.t(" is " + c.dice.pick("", "now "));
                PersonFragments.number(c, c.age());
                c.t(" and has Parkinson's, can " + c.pronoun(false) + " take " + c.dice.pick(Clinical.DRUGS) + "?");
            }
            case 9 -> {
                c.t("summarize notes for ");
                name(c);
                c.t(" acct ").phi(ACCOUNT, c.patient.account());
            }
            case 10 -> {
                c.t("Insurance denied ").phi(NAME, c.patient.name().full()).t("'s claim, member ID ");
                c.phi(HEALTH_PLAN, c.patient.memberId()).t(". Help me write an appeal.");
            }
            case 11 -> {
                c.t("Check interactions between warfarin and Eliquis for ");
                name(c);
                c.t(", SSN ").phi(SSN, Identifiers.ssn(c.dice, c.patient.ssn())).t("?");
            }
            case 12 -> {
                c.t("Explain the Glasgow Coma Scale result for ");
                name(c);
                c.t(" born ").phi(DATE, Dates.birth(c.dice, c.patient.dob())).t(".");
            }
            case 13 -> {
                c.t("List red flags for ");
                name(c);
                c.t(" (MR# ").phi(MRN, c.patient.mrn()).t(") seen at ").phi(ORGANIZATION, c.patient.hospital());
                c.t(" on ").phi(DATE, Dates.day(c.dice, c.visit)).t(".");
            }
            case 14 -> {
                c.t("I'm seeing ");
                name(c);
                c.t(" (DOB ").phi(DATE, Dates.birth(c.dice, c.patient.dob())).t(") at ");
                c.phi(ORGANIZATION, c.patient.hospital()).t(" today. " + c.pronoun(true) + " is ");
                PersonFragments.age(c, c.age(), AgeShape.Y_O);
                c.t(" with " + c.dice.pick(Clinical.COMPLAINTS) + ", BP 150/95, HR 88. What workup do you suggest?");
            }
            case 15 -> {
                Person child = c.patient.child();
                c.t("Hi, I'm ").phi(NAME, child.full()).t(", " + (c.female() ? "mom" : "dad") + " is ");
                name(c);
                c.t(". " + c.pronoun(true) + " was discharged ").phi(DATE, Dates.day(c.dice, c.daysBefore(1, 6)));
                c.t(" from ").phi(ORGANIZATION, c.patient.hospital()).t(" and they said to call ");
                c.phi(PHONE, Phones.format(c.dice, Phones.draw(c.dice), true)).t(" but nobody answers. What now?");
            }
            default -> throw new UnsupportedOperationException("chat template " + template);
        }
    }

    /** Mostly the plain full name, as people type it; sometimes a header form. */
    private static void name(NoteContext c) {
        if (c.dice.chance(0.75)) {
            c.phi(NAME, c.patient.name().full());
        } else {
            Names.patientFull(c);
        }
    }
}
