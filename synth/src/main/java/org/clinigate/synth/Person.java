package org.clinigate.synth;

import java.util.Objects;

/** A synthetic person's name. {@link #toString()} hides the name. Immutable. */
record Person(String first, String last, boolean female) {

    Person {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }

    String full() {
        return first + " " + last;
    }

    static Person draw(Dice dice) {
        boolean female = dice.chance(0.5);
        return new Person(dice.pick(female ? NamePools.FEMALE : NamePools.MALE), dice.pick(NamePools.SURNAMES),
                female);
    }

    @Override
    public String toString() {
        return "Person[redacted]";
    }
}
