package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.NAME;

import java.util.List;
import java.util.Locale;

/**
 * Writes people's names in the forms clinical text uses: full, "Last, First", capitalised headers,
 * glued to punctuation ("SMITH,JOHN", "DOE^JANE", "Dr.Patel", "pt:John", "(Maria)") and possessive
 * ("John's"). Titles, credentials, colons, brackets and the possessive "'s" stay outside the span.
 * Stateless.
 */
final class Names {

    /** Given names that are also common words, used where context makes the name plain. */
    static final List<String> WORD_FIRST = List.of("Will", "May", "Faith", "Grant", "Hope", "Joy", "June", "Summer",
            "Rose", "Art", "Guy", "Bill", "Chase", "Hunter", "Mason", "Dawn", "Iris", "Holly", "Autumn");

    /** Surnames that are also common words. */
    static final List<String> WORD_LAST = List.of("Young", "White", "Brown", "King", "Bell", "Grant", "Hope", "Long",
            "Price", "Banks", "Gray", "Reed", "Rice", "Rose", "Cross", "Fox", "Hunt", "Lamb", "Stone", "Frost",
            "Winter", "Sharp", "Little", "Strong", "Wood", "Cook", "Baker", "Hall", "Green");

    private Names() {
    }

    /** The patient's name with the surname, in one of the written forms. */
    static void patientFull(NoteContext c) {
        Person p = c.patient.name();
        String name = switch (c.dice.between(0, 11)) {
            case 0, 1, 2, 3, 4 -> p.full();
            case 5 -> p.last() + ", " + p.first();
            case 6, 7 -> upper(p.last()) + ", " + upper(p.first());
            case 8 -> upper(p.last()) + "," + upper(p.first());
            case 9 -> upper(p.last()) + "^" + upper(p.first());
            case 10 -> p.last() + "," + p.first();
            case 11 -> upper(p.full());
            default -> throw new UnsupportedOperationException("name form");
        };
        c.phi(NAME, name);
    }

    /** The patient's surname after a courtesy title, sometimes glued to it ("Mr.Okafor"). */
    static void patientTitled(NoteContext c) {
        c.t(c.female() ? c.dice.pick("Ms. ", "Mrs. ", "Ms.") : c.dice.pick("Mr. ", "Mr.", "Mr "));
        c.phi(NAME, c.patient.name().last());
    }

    /** A sentence with the patient's first name alone: possessive, bracketed or glued to "pt:". */
    static void patientFirstSentence(NoteContext c) {
        String first = c.patient.name().first();
        switch (c.dice.between(0, 3)) {
            case 0 -> c.t("Per ").phi(NAME, first).t(", pain is better today.");
            case 1 -> c.phi(NAME, first).t("'s pain is better today.");
            case 2 -> c.t("Pt (").phi(NAME, first).t(") states pain is better.");
            case 3 -> c.t("pt:").phi(NAME, first).t(" c/o nausea, resolved with Zofran.");
            default -> throw new UnsupportedOperationException("first-name form");
        }
    }

    /** A clinician, with the title or credential outside the span. */
    static void clinician(NoteContext c, Person p) {
        switch (c.dice.between(0, 7)) {
            case 0, 1 -> c.t("Dr. ").phi(NAME, p.last());
            case 2 -> c.t("Dr.").phi(NAME, p.last());
            case 3, 4 -> c.t("Dr. ").phi(NAME, p.full());
            case 5 -> c.phi(NAME, p.full()).t(", MD");
            case 6 -> c.phi(NAME, p.full()).t(c.dice.pick(", NP", ", PA-C", ", DO", " MD"));
            case 7 -> c.t("Dr. ").phi(NAME, p.first().charAt(0) + ". " + p.last());
            default -> throw new UnsupportedOperationException("clinician form");
        }
    }

    /** A closing signature line: "Electronically signed by: John Carter, MD". */
    static void signature(NoteContext c, Person p, String credential) {
        c.t(c.dice.pick("Electronically signed by: ", "Signed: ", "Signed by ", "Dictated by: ", "Authenticated by "));
        c.phi(NAME, c.dice.chance(0.8) ? p.full() : p.last() + ", " + p.first()).t(", " + credential);
    }

    /** "her daughter Susan", "wife (Mary)", "son Will's": relation as text, name as span. */
    static void relative(NoteContext c, boolean capital) {
        boolean child = c.dice.chance(0.5);
        Person r = child ? c.patient.child() : c.patient.partner();
        String relation = child ? c.childRelation() : c.partnerRelation();
        String lead = c.dice.chance(0.5) ? c.possessive() + " " + relation : relation;
        c.t(capital ? Character.toUpperCase(lead.charAt(0)) + lead.substring(1) : lead);
        switch (c.dice.between(0, 4)) {
            case 0, 1 -> c.t(" ").phi(NAME, r.first());
            case 2 -> c.t(" ").phi(NAME, r.full());
            case 3 -> c.t(" (").phi(NAME, r.first()).t(")");
            case 4 -> c.t(", ").phi(NAME, r.full()).t(",");
            default -> throw new UnsupportedOperationException("relative form");
        }
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
