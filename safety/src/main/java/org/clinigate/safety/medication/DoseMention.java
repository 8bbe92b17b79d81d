package org.clinigate.safety.medication;

/**
 * One dose written in a text, with what the extractor could tell about it.
 *
 * @param drug the canonical drug the dose belongs to, or null when no drug name is near enough
 * @param drugStart where that drug's name starts, or -1
 * @param start where the dose expression ("1,000 mg/kg/day") starts
 * @param end where the dose expression ends
 * @param spanEnd where the dose's route and frequency end, if after the dose; at least {@code end}
 * @param number the number as written ("0.5", ".5", "1,000"); for ranges the upper number
 * @param amount the number's value (for a range, the upper end)
 * @param unit {@code mg}, {@code mcg} or {@code g}
 * @param amountMg the amount in milligrams (per kg when {@code perKg})
 * @param perKg the dose is per kilogram of body weight
 * @param period what the amount covers: one dose, a day, or a week
 * @param dosesPerDay doses per day from the frequency ("q6h" is 4, "weekly" is 1/7), or null when not stated
 * @param weeklySchedule the frequency says weekly (or a few times a week)
 * @param route the route stated near the dose, or {@link Route#ANY} when none is
 * @param limitStatement the dose is stated as a ceiling ("max 4 g/day", "do not exceed") rather than an order
 * @param negated the dose is advised against ("never give", "avoid")
 * @param reported the dose describes an event or a level ("took 20 g", "overdose of") rather than advice
 */
public record DoseMention(String drug, int drugStart, int start, int end, int spanEnd, String number, double amount,
        String unit, double amountMg, boolean perKg, Period period, Double dosesPerDay, boolean weeklySchedule,
        Route route, boolean limitStatement, boolean negated, boolean reported) {

    /** What an amount covers. */
    public enum Period {
        DOSE, DAY, WEEK
    }

    /** The span a flag should highlight: from the drug name (when it comes first) to the end of the frequency. */
    public int flagStart() {
        return drugStart >= 0 && drugStart < start ? drugStart : start;
    }
}
