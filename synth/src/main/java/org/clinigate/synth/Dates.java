package org.clinigate.synth;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes dates in every shape clinical text uses. Under Safe Harbor every element of a date except a
 * bare year is PHI, so each shape here, the bare day ("14th") and month-with-year included, is written
 * as one DATE span by the callers. Stateless.
 */
final class Dates {

    /** The written shapes, with an example for 14 March 2024. */
    enum Form {
        /** 03/14/2024 */
        SLASH_LONG,
        /** 3/14/24 */
        SLASH_SHORT,
        /** 03/14/24 */
        SLASH_PADDED_SHORT,
        /** 3/14 */
        SLASH_NO_YEAR,
        /** 14-Mar-2024 */
        DASH_MON,
        /** 14 Mar 2024 */
        DAY_MON_YEAR,
        /** March 14th */
        MONTH_ORDINAL,
        /** March 14, 2024 */
        MONTH_DAY_YEAR,
        /** Mar 14, 2024 */
        MON_DAY_YEAR,
        /** Mar 14 */
        MON_DAY,
        /** 2024-03-14 */
        ISO,
        /** 14th, written after "on the" */
        ORDINAL,
        /** 2024-03-14T08:30 */
        ISO_TIME,
        /** Jan 2023 */
        MON_YEAR,
        /** January 2023 */
        MONTH_YEAR
    }

    /** Shapes that carry the full date, as used for dates of birth. */
    static final List<Form> FULL = List.of(Form.SLASH_LONG, Form.SLASH_SHORT, Form.SLASH_PADDED_SHORT, Form.DASH_MON,
            Form.DAY_MON_YEAR, Form.MONTH_DAY_YEAR, Form.MON_DAY_YEAR, Form.ISO);

    /** Shapes that leave something out, as used for recent events. */
    static final List<Form> PARTIAL = List.of(Form.SLASH_NO_YEAR, Form.MONTH_ORDINAL, Form.MON_DAY, Form.MON_YEAR,
            Form.MONTH_YEAR);

    /** Shapes that name a day without its year, for "on ..." phrases. */
    static final List<Form> DAY = List.of(Form.SLASH_NO_YEAR, Form.MONTH_ORDINAL, Form.MON_DAY);

    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    private Dates() {
    }

    static String format(Dice dice, LocalDate d, Form form) {
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        int y = d.getYear();
        String month = MONTHS.get(m - 1);
        String mon = month.substring(0, 3);
        return switch (form) {
            case SLASH_LONG -> String.format("%02d/%02d/%d", m, day, y);
            case SLASH_SHORT -> m + "/" + day + "/" + String.format("%02d", y % 100);
            case SLASH_PADDED_SHORT -> String.format("%02d/%02d/%02d", m, day, y % 100);
            case SLASH_NO_YEAR -> m + "/" + day;
            case DASH_MON -> String.format("%02d-%s-%d", day, mon, y);
            case DAY_MON_YEAR -> day + " " + mon + " " + y;
            case MONTH_ORDINAL -> month + " " + ordinal(day);
            case MONTH_DAY_YEAR -> month + " " + day + ", " + y;
            case MON_DAY_YEAR -> mon + " " + day + ", " + y;
            case MON_DAY -> mon + " " + day;
            case ISO -> d.toString();
            case ORDINAL -> ordinal(day);
            case ISO_TIME -> d + String.format("T%02d:%02d", dice.between(0, 23), dice.between(0, 11) * 5);
            case MON_YEAR -> mon + " " + y;
            case MONTH_YEAR -> month + " " + y;
        };
    }

    /** A date of birth: any full shape, but no two-digit year for those born before 1930. */
    static String birth(Dice dice, LocalDate d) {
        Form form = dice.pick(FULL);
        if (d.getYear() < 1930 && (form == Form.SLASH_SHORT || form == Form.SLASH_PADDED_SHORT)) {
            form = Form.SLASH_LONG;
        }
        return format(dice, d, form);
    }

    static String full(Dice dice, LocalDate d) {
        return format(dice, d, dice.pick(FULL));
    }

    static String partial(Dice dice, LocalDate d) {
        return format(dice, d, dice.pick(PARTIAL));
    }

    static String day(Dice dice, LocalDate d) {
        return format(dice, d, dice.pick(DAY));
    }

    /** Any shape but the bare ordinal, which needs its "on the" context. */
    static String any(Dice dice, LocalDate d) {
        Form form = dice.pick(Form.values());
        return format(dice, d, form == Form.ORDINAL ? Form.MONTH_ORDINAL : form);
    }

    static String ordinal(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) {
            return day + "th";
        }
        return day + switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** A clock time in one of the shapes notes use; never PHI on its own. */
    static String time(Dice dice) {
        int h = dice.between(0, 23);
        int m = dice.between(0, 11) * 5;
        return dice.chance(0.5) ? String.format("%02d:%02d", h, m) : String.format("%02d%02d", h, m);
    }
}
