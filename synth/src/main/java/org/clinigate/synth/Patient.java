package org.clinigate.synth;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * One synthetic patient: the facts that stay the same across all of the patient's documents, so that
 * a de-identifier's pseudonyms can be checked for consistency. {@code phone} holds ten digits and is
 * formatted anew in each document. {@link #toString()} carries the id only. Immutable.
 */
record Patient(String id, Person name, LocalDate dob, String mrn, Address address, String phone, String email,
        String ssn, String memberId, String account, String employer, Person partner, Person child, Person pcp,
        String hospital) {

    Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dob, "dob");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(ssn, "ssn");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(employer, "employer");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(pcp, "pcp");
        Objects.requireNonNull(hospital, "hospital");
        if (phone.length() != 10) {
            throw new IllegalArgumentException("CG-1999: phone must hold ten digits, got " + phone.length());
        }
    }

    /** Whole years of age on {@code day}. */
    int ageOn(LocalDate day) {
        return Period.between(dob, day).getYears();
    }

    /** Draws a patient; about one in seven is old enough on the reference day for age to be PHI. */
    static Patient draw(String id, Dice dice, LocalDate reference) {
        Person name = Person.draw(dice);
        int age = dice.chance(0.15) ? dice.between(90, 104) : dice.between(5, 89);
        LocalDate dob = reference.minusYears(age).minusDays(dice.between(0, 364));
        String mrn = dice.chance(0.8) ? dice.digits(dice.between(7, 9)) : dice.letters(1) + dice.digits(7);
        String email = Identifiers.email(dice, name);
        String ssn = Identifiers.ssnDigits(dice);
        String memberId = dice.letters(3) + dice.digits(9);
        Person partner = new Person(dice.pick(name.female() ? NamePools.MALE : NamePools.FEMALE),
                dice.chance(0.7) ? name.last() : dice.pick(NamePools.SURNAMES), !name.female());
        boolean daughter = dice.chance(0.5);
        Person child = new Person(dice.pick(daughter ? NamePools.FEMALE : NamePools.MALE), name.last(), daughter);
        return new Patient(id, name, dob, mrn, Address.draw(dice), Phones.draw(dice), email, ssn, memberId,
                dice.digits(11), dice.pick(OrgPools.EMPLOYERS), partner, child, Person.draw(dice),
                dice.pick(OrgPools.HOSPITALS));
    }

    @Override
    public String toString() {
        return "Patient[id=" + id + "]";
    }
}
