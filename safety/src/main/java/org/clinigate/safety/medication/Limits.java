package org.clinigate.safety.medication;

/**
 * Dose limits for one population and route, in milligrams (a table written in micrograms is converted on load).
 * Any field may be null: no limit known. {@code basis} says what the figure is: {@code label-maximum} (a maximum
 * the label states), {@code label-highest} (the highest dose the label mentions), or {@code usual-upper} (the top
 * of the label's usual range, where it states no maximum).
 */
public record Limits(Double maxSingleMg, Double maxDailyMg, Double maxWeeklyMg, Double maxPerKgDoseMg,
        Double maxPerKgDayMg, String basis) {

    /** True when no field is set. */
    public boolean isEmpty() {
        return maxSingleMg == null && maxDailyMg == null && maxWeeklyMg == null && maxPerKgDoseMg == null
                && maxPerKgDayMg == null;
    }

    /** The field-wise larger of two limit sets (null meaning none known wins nothing). */
    static Limits loosest(Limits a, Limits b) {
        return new Limits(max(a.maxSingleMg, b.maxSingleMg), max(a.maxDailyMg, b.maxDailyMg), max(a.maxWeeklyMg,
                b.maxWeeklyMg), max(a.maxPerKgDoseMg, b.maxPerKgDoseMg), max(a.maxPerKgDayMg, b.maxPerKgDayMg),
                a.basis.equals(b.basis) ? a.basis : "usual-upper");
    }

    private static Double max(Double x, Double y) {
        if (x == null) {
            return y;
        }
        return y == null ? x : Math.max(x, y);
    }
}
