package org.clinigate.synth;

import java.time.LocalDate;
import org.clinigate.core.phi.PhiCategory;

/**
 * Everything a note writer needs for one document: the dice, the patient, the output and the day the
 * note is about. Short delegating methods keep the writers readable. Not thread safe.
 */
final class NoteContext {

    final Dice dice;
    final Patient patient;
    final DocBuilder out;
    final LocalDate visit;
    final Person author;

    NoteContext(Dice dice, Patient patient, DocBuilder out, LocalDate visit, Person author) {
        this.dice = dice;
        this.patient = patient;
        this.out = out;
        this.visit = visit;
        this.author = author;
    }

    NoteContext t(String text) {
        out.text(text);
        return this;
    }

    NoteContext phi(PhiCategory category, String value) {
        out.phi(category, value);
        return this;
    }

    int age() {
        return patient.ageOn(visit);
    }

    boolean female() {
        return patient.name().female();
    }

    /** "she" or "he", capitalised when {@code capital}. */
    String pronoun(boolean capital) {
        String p = female() ? "she" : "he";
        return capital ? Character.toUpperCase(p.charAt(0)) + p.substring(1) : p;
    }

    String possessive() {
        return female() ? "her" : "his";
    }

    /** "woman", "man", "girl" or "boy", by sex and age on the visit day. */
    String noun() {
        if (age() < 18) {
            return female() ? "girl" : "boy";
        }
        return female() ? "woman" : "man";
    }

    /**
     * How the patient's partner is named in text: a spouse for adults, a parent for minors, whose
     * "partner" record then stands for the parent.
     */
    String partnerRelation() {
        boolean female = patient.partner().female();
        if (age() < 18) {
            return female ? "mother" : "father";
        }
        return female ? "wife" : "husband";
    }

    /** How the patient's child is named in text: a sibling for minors. */
    String childRelation() {
        boolean female = patient.child().female();
        if (age() < 18) {
            return female ? "sister" : "brother";
        }
        return female ? "daughter" : "son";
    }

    /** A day shortly before the visit, for recent events. */
    LocalDate daysBefore(int min, int max) {
        return visit.minusDays(dice.between(min, max));
    }
}
