package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.AGE;
import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.NAME;

import java.time.LocalDate;

/**
 * Sentences about people and time: relatives and clinicians by name, dates in every shape, and ages.
 * Only ages over 89 are PHI, and the span is the number alone; younger ages are written as plain text
 * in the same shapes so that they act as negatives. Each writes one sentence without a trailing
 * separator. Stateless.
 */
final class PersonFragments {

    private PersonFragments() {
    }

    static void name(NoteContext c) {
        Person other = Person.draw(c.dice);
        switch (c.dice.between(0, 7)) {
            case 0 -> {
                Names.relative(c, true);
                c.t(c.dice.pick(" at bedside.", " updated by phone.", " brought in home meds.", " is the HCP."));
            }
            case 1 -> {
                c.t(c.dice.pick("Spoke with ", "Called ", "Paged ", "Discussed with "));
                Names.clinician(c, other);
                c.t(c.dice.pick(" re K 5.9.", " re: pain control.", ", who agrees with plan.", " - no new orders."));
            }
            case 2 -> {
                c.t("Seen by ");
                Names.clinician(c, other);
                c.t(" from " + c.dice.pick("cardiology", "nephrology", "GI", "palliative care", "PT") + ".");
            }
            case 3 -> c.t(c.dice.pick("Grandchild ", "Cousin ", "Neighbor ", "Friend "))
                    .phi(NAME, c.dice.pick(Names.WORD_FIRST))
                    .t(c.dice.pick(" visiting today.", " will stay overnight.", " may bring clothes."));
            case 4 -> c.t(c.dice.pick("Dr. ", "Dr.")).phi(NAME, c.dice.pick(Names.WORD_LAST))
                    .t(c.dice.pick(" aware.", " will see pt in AM.", " notified of results."));
            case 5 -> Names.patientFirstSentence(c);
            case 6 -> c.t("Interpreter ").phi(NAME, other.full()).t(" present for the visit.");
            case 7 -> {
                c.t("Chart label reads ");
                Names.patientFull(c);
                c.t(".");
            }
            default -> throw new UnsupportedOperationException("name sentence");
        }
    }

    static void date(NoteContext c) {
        LocalDate past = c.visit.minusDays(c.dice.between(20, 1500));
        switch (c.dice.between(0, 7)) {
            case 0 -> c.t("Last colonoscopy ").phi(DATE, Dates.full(c.dice, past)).t(", normal.");
            case 1 -> c.t("Symptoms began on the ").phi(DATE, Dates.ordinal(c.daysBefore(1, 9).getDayOfMonth()))
                    .t(".");
            case 2 -> c.t("Flu vaccine given ").phi(DATE, Dates.any(c.dice, past)).t(".");
            case 3 -> c.t("Next appointment ").phi(DATE, Dates.partial(c.dice, c.visit.plusDays(c.dice.between(7, 90))))
                    .t(" at " + Dates.time(c.dice) + ".");
            case 4 -> c.t("Labs drawn ").phi(DATE, Dates.format(c.dice, c.visit, Dates.Form.ISO_TIME)).t(".");
            case 5 -> c.t("Last seen in clinic ").phi(DATE, Dates.format(c.dice, past, Dates.Form.MON_YEAR)).t(".");
            case 6 -> c.t("Prior admission ").phi(DATE, Dates.any(c.dice, past)).t(" to ")
                    .phi(DATE, Dates.any(c.dice, past.plusDays(c.dice.between(2, 9)))).t(" for CHF.");
            case 7 -> c.t("Tetanus booster ").phi(DATE, Dates.format(c.dice, past, Dates.Form.ISO)).t("; PPD in "
                    + (past.getYear() - c.dice.between(1, 6)) + " negative.");
            default -> throw new UnsupportedOperationException("date sentence");
        }
    }

    /** An age sentence about the patient or a relative; PHI only when over 89. */
    static void age(NoteContext c) {
        switch (c.dice.between(0, 3)) {
            case 0 -> {
                c.t(c.dice.pick("Lives with " + c.possessive() + " ", "Cares for " + c.possessive() + " "));
                age(c, c.dice.between(85, 99), AgeShape.HYPHENATED);
                c.t(c.dice.pick(" mother.", " father.", " aunt."));
            }
            case 1 -> {
                c.t(c.dice.pick("Father", "Mother", "Grandmother") + " died at age ");
                number(c, c.dice.between(55, 101));
                c.t(".");
            }
            case 2 -> {
                c.t(c.dice.pick("Husband", "Wife", "Sister") + ", ");
                age(c, c.dice.between(80, 98), AgeShape.AGED);
                c.t(", is the primary caregiver.");
            }
            case 3 -> {
                AgeShape shape = c.dice.pick(AgeShape.values());
                if (shape == AgeShape.AGED || shape == AgeShape.LABEL) {
                    c.t("Demographics: ");
                    age(c, c.age(), shape);
                    c.t(c.female() ? ", sex F." : ", sex M.");
                } else {
                    c.t("Pt is " + article(c.age()) + " ");
                    age(c, c.age(), shape);
                    c.t(" " + c.noun() + ".");
                }
            }
            default -> throw new UnsupportedOperationException("age sentence");
        }
    }

    /** How an age is written; the span, when there is one, is only the number. */
    enum AgeShape {
        Y_O, YO, HYPHENATED, AGED, LABEL, YEAR_OLD
    }

    static void age(NoteContext c, int years, AgeShape shape) {
        switch (shape) {
            case Y_O -> number(c, years).t(" y/o");
            case YO -> number(c, years).t(c.dice.pick("yo", " yo", "y.o."));
            case HYPHENATED -> number(c, years).t("-year-old");
            case AGED -> number(c.t("aged "), years);
            case LABEL -> number(c.t("age: "), years);
            case YEAR_OLD -> number(c, years).t(" year old");
            default -> throw new UnsupportedOperationException("age shape");
        }
    }

    /** "an" before 8, 11, 18 and 80-89, "a" otherwise. */
    static String article(int years) {
        String n = String.valueOf(years);
        return n.startsWith("8") || years == 11 || years == 18 ? "an" : "a";
    }

    /** The age number itself: a span when over 89, plain text otherwise. */
    static NoteContext number(NoteContext c, int years) {
        c.out.maybePhi(years > 89, AGE, String.valueOf(years));
        return c;
    }
}
