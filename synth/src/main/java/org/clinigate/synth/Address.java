package org.clinigate.synth;

import java.util.Objects;

/**
 * A synthetic street address. Everything but the state is a Safe Harbor identifier; {@code unit} is
 * empty when the address has none. {@link #toString()} hides the address. Immutable.
 */
record Address(String street, String unit, String city, String state, String zip) {

    Address {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zip, "zip");
    }

    static Address draw(Dice dice) {
        String street = dice.between(1, 9899) + " " + dice.pick(PlacePools.STREETS) + " "
                + dice.pick(PlacePools.SUFFIXES);
        String unit = dice.chance(0.3)
                ? dice.pick("Apt ", "Apt. ", "Unit ", "#", "Suite ") + dice.between(1, 30)
                        + (dice.chance(0.5) ? dice.letters(1) : "")
                : "";
        String zip = dice.digits(5) + (dice.chance(0.2) ? "-" + String.format("%04d", dice.between(1, 9999)) : "");
        return new Address(street, unit, dice.pick(PlacePools.CITIES), dice.pick(PlacePools.STATES), zip);
    }

    @Override
    public String toString() {
        return "Address[redacted]";
    }
}
