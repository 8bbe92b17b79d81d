package org.clinigate.deid.transform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a date expression by a number of days and writes it back in the layout it came in: "March
 * 14th, 2024" stays a month name, an ordinal and a four-digit year; "3/14" stays month and day. Parts
 * the expression lacks (a year, a day) are filled in for the arithmetic and left out of the result.
 * Stateless and thread safe.
 */
final class DateShifter {

    private static final Pattern PART = Pattern.compile(
            "(?i)(\\d+)(st|nd|rd|th)?|(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b");
    private static final Pattern TIME = Pattern.compile("[T ]\\d{1,2}:\\d{2}.*$");

    private DateShifter() {
    }

    /**
     * The shifted expression, or {@code null} when {@code text} cannot be read as a date (the caller then
     * falls back to another surrogate).
     */
    static String shift(String text, int days) {
        Matcher time = TIME.matcher(text);
        String body = text;
        String suffix = "";
        if (time.find() && time.start() > 0) {
            body = text.substring(0, time.start());
            suffix = text.substring(time.start());
        }
        List<Part> parts = parts(body);
        Roles r = roles(parts);
        if (r == null) {
            return null;
        }
        int year = r.year == null ? 2000 : fullYear(r.year);
        int month = r.month == null ? 1 : r.month.value;
        int day = r.day == null ? 15 : r.day.value;
        LocalDate shifted;
        try {
            shifted = LocalDate.of(year, month, day).plusDays(days);
        } catch (DateTimeException e) {
            return null;
        }
        StringBuilder out = new StringBuilder(body);
        // Replace from the right so earlier offsets stay valid.
        List<Part> ordered = new ArrayList<>(parts);
        ordered.sort((a, b) -> Integer.compare(b.start, a.start));
        for (Part p : ordered) {
            String repl = p == r.year
                    ? formatYear(p, shifted.getYear())
                    : p == r.month
                            ? formatMonth(p, shifted.getMonthValue())
                            : p == r.day ? formatNumber(p, shifted.getDayOfMonth()) : null;
            if (repl != null) {
                out.replace(p.start, p.end, repl);
            }
        }
        return out + suffix;
    }

    private record Part(int start, int end, String text, int value, boolean monthName, String ordinal) {
    }

    private static final class Roles {
        Part year;
        Part month;
        Part day;
    }

    private static List<Part> parts(String s) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PART.matcher(s);
        while (m.find()) {
            if (m.group(1) != null) {
                parts.add(new Part(m.start(), m.end(), m.group(1),
                        Integer.parseInt(m.group(1).length() > 6 ? "0" : m.group(1)),
                        false, m.group(2)));
            } else {
                parts.add(new Part(m.start(), m.end(), m.group(3), monthOf(m.group(3)), true, null));
            }
        }
        return parts;
    }

    private static Roles roles(List<Part> parts) {
        Roles r = new Roles();
        List<Part> numbers = new ArrayList<>();
        for (Part p : parts) {
            if (p.monthName) {
                r.month = p;
            } else {
                numbers.add(p);
            }
        }
        if (r.month != null) {
            for (Part p : numbers) {
                if (p.text.length() == 4 || (r.day != null && r.year == null)) {
                    r.year = p;
                } else if (r.day == null && p.value >= 1 && p.value <= 31) {
                    r.day = p;
                }
            }
            return r;
        }
        if (numbers.size() == 3) {
            Part a = numbers.get(0);
            Part b = numbers.get(1);
            Part c = numbers.get(2);
            if (a.text.length() == 4) {
                r.year = a;
                r.month = b;
                r.day = c;
            } else if (a.value > 12) {
                r.day = a;
                r.month = b;
                r.year = c;
            } else {
                r.month = a;
                r.day = b;
                r.year = c;
            }
            return r;
        }
        if (numbers.size() == 2) {
            Part a = numbers.get(0);
            Part b = numbers.get(1);
            r.month = a;
            if (b.text.length() == 4) {
                r.year = b;
            } else {
                r.day = b;
            }
            return r;
        }
        if (numbers.size() == 1 && numbers.get(0).ordinal != null) {
            r.day = numbers.get(0);
            return r;
        }
        return null;
    }

    private static int fullYear(Part p) {
        if (p.text.length() == 2) {
            int y = p.value;
            return y + (2000 + y > Year.now().getValue() + 1 ? 1900 : 2000);
        }
        return p.value;
    }

    private static String formatYear(Part p, int year) {
        return p.text.length() == 2 ? String.format(Locale.ROOT, "%02d", year % 100) : Integer.toString(year);
    }

    private static String formatNumber(Part p, int value) {
        String digits = p.text.length() == 2 && p.text.charAt(0) == '0'
                ? String.format(Locale.ROOT, "%02d", value)
                : Integer.toString(value);
        if (p.ordinal == null) {
            return digits;
        }
        String suffix = switch (value % 100 >= 11 && value % 100 <= 13 ? 0 : value % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return digits + (Character.isUpperCase(p.ordinal.charAt(0)) ? suffix.toUpperCase(Locale.ROOT) : suffix);
    }

    private static String formatMonth(Part p, int month) {
        if (!p.monthName) {
            return formatNumber(p, month);
        }
        Month m = Month.of(month);
        String name = p.text.length() <= 4 && !p.text.equalsIgnoreCase("june") && !p.text.equalsIgnoreCase("july")
                ? m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                : m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (p.text.length() == 4 && p.text.equalsIgnoreCase("sept")) {
            name = m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
        if (p.text.equals(p.text.toUpperCase(Locale.ROOT))) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (p.text.equals(p.text.toLowerCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    private static int monthOf(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return switch (n) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new UnsupportedOperationException("not a month");
        };
    }
}
