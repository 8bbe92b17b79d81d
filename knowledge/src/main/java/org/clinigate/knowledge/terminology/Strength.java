package org.clinigate.knowledge.terminology;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A drug strength in RxNorm's units ({@code MG}, {@code MCG}, {@code G}, {@code MEQ}, {@code UNT}, {@code ML},
 * {@code MG/ML}, {@code UNT/ML}, {@code %}).
 *
 * @param value the amount, positive
 * @param unit the RxNorm unit, upper case
 */
public record Strength(BigDecimal value, String unit) {

    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("mg", "MG"), Map.entry("mgs", "MG"),
            Map.entry("milligram", "MG"), Map.entry("milligrams", "MG"), Map.entry("mcg", "MCG"), Map.entry("ug",
                    "MCG"),
            Map.entry("\u00b5g", "MCG"), Map.entry("microgram", "MCG"), Map.entry("micrograms",
                    "MCG"),
            Map.entry("g", "G"), Map.entry("gm", "G"), Map.entry("gram", "G"), Map.entry(
                    "grams", "G"),
            Map.entry("meq", "MEQ"), Map.entry("unit", "UNT"), Map.entry(
                    "units", "UNT"),
            Map.entry("u", "UNT"), Map.entry("iu", "UNT"), Map
                    .entry("unt", "UNT"),
            Map.entry("ml", "ML"), Map.entry("%",
                    "%"),
            Map.entry("mg/ml", "MG/ML"), Map.entry("unt/ml",
                    "UNT/ML"),
            Map.entry("units/ml", "UNT/ML"));

    public Strength {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("a strength is positive");
        }
        value = value.stripTrailingZeros();
    }

    /** RxNorm's unit for a unit as written in a note ({@code mg}, {@code mcg}, {@code units}...), if known. */
    static Optional<String> unitOf(String written) {
        return Optional.ofNullable(UNITS.get(written.toLowerCase(Locale.ROOT)));
    }

    /** The amount in milligrams for G, MG and MCG; empty for other units. */
    Optional<BigDecimal> milligrams() {
        return switch (unit) {
            case "G" -> Optional.of(value.scaleByPowerOfTen(3));
            case "MG" -> Optional.of(value);
            case "MCG" -> Optional.of(value.scaleByPowerOfTen(-3));
            default -> Optional.empty();
        };
    }

    /** True when both are the same amount: equal units and values, or equal after converting G, MG and MCG. */
    boolean sameAmount(Strength other) {
        if (unit.equals(other.unit)) {
            return value.compareTo(other.value) == 0;
        }
        Optional<BigDecimal> a = milligrams();
        Optional<BigDecimal> b = other.milligrams();
        return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
