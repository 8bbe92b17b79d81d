package org.clinigate.safety.medication;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dosing frequency from the words after a dose: "q6h", "every 4 to 6 hours" (the shorter interval counts),
 * "three times daily", "TID", "once weekly", "every other day", "nightly". Stateless and thread safe.
 */
final class Frequency {

    /** What was found: doses per day, whether the schedule is weekly, and where the words end. */
    record Found(double perDay, boolean weekly, int end) {
    }

    private enum Kind {
        Q_HOURS, EVERY_HOURS, EVERY_WORD_HOURS, HOURLY, FIXED, N_TIMES, WEEKLY, TWICE_WEEKLY, ALT_DAYS, SINGLE
    }

    private record Rule(Kind kind, Pattern pattern, double perDay) {
    }

    private static final String A_DAY = "(?:\\s+(?:a|per|each|every)\\s+day|\\s+daily|\\s*/\\s*day)";

    private static final List<Rule> RULES = List.of(
            rule(Kind.Q_HOURS, "\\bq\\.?\\s?(\\d{1,2}(?:\\.\\d)?)\\s?(?:(?:-|to)\\s?\\d{1,2}\\s?)?h(?:rs?|ours?)?\\b",
                    0),
            rule(Kind.EVERY_HOURS,
                    "\\bevery\\s+(\\d{1,2}(?:\\.\\d)?)(?:\\s*(?:-|to|or)\\s*\\d{1,2})?\\s*(?:h|hrs?|hours?)\\b",
                    0),
            rule(Kind.EVERY_WORD_HOURS, "\\bevery\\s+(one|two|three|four|six|eight|twelve|twenty-four)"
                    + "(?:\\s*(?:-|to|or)\\s*[a-z]+)?\\s+hours?\\b", 0),
            rule(Kind.HOURLY, "\\b(?:every|each)\\s+hour\\b|\\bhourly\\b|\\bqh\\b", 24),
            rule(Kind.FIXED, "\\b(?:q\\.?i\\.?d\\.?|qds|(?:four|4)\\s+times" + A_DAY + "|4\\s?x" + A_DAY + ")", 4),
            rule(Kind.FIXED, "\\b(?:t\\.?i\\.?d\\.?|tds|(?:three|3)\\s+times" + A_DAY + "|3\\s?x" + A_DAY + ")", 3),
            rule(Kind.FIXED,
                    "\\b(?:b\\.?i\\.?d\\.?|bd|twice" + A_DAY + "|(?:two|2)\\s+times" + A_DAY + "|2\\s?x" + A_DAY
                            + ")",
                    2),
            rule(Kind.N_TIMES, "\\b(\\d|five|six|eight)\\s+times" + A_DAY, 0),
            rule(Kind.TWICE_WEEKLY, "\\b(?:twice|two times|2 times)\\s+(?:a\\s+|per\\s+)?week(?:ly)?\\b", 2.0 / 7),
            rule(Kind.WEEKLY, "\\b(?:once\\s+)?(?:weekly|a\\s+week|per\\s+week|every\\s+week|each\\s+week|q\\.?\\s?wk"
                    + "|q\\.?\\s?week|qw)\\b|\\bonce\\s+(?:a|per|each|every)\\s+week\\b|\\bevery\\s+(?:monday|tuesday"
                    + "|wednesday|thursday|friday|saturday|sunday)\\b", 1.0 / 7),
            rule(Kind.ALT_DAYS, "\\b(?:every\\s+other\\s+day|on\\s+alternate\\s+days|q\\.?o\\.?d\\.?)\\b", 0.5),
            rule(Kind.FIXED,
                    "\\b(?:once\\s+(?:a\\s+|per\\s+|each\\s+)?(?:day|daily)|daily|every\\s+day|q\\.?d\\.?|od|qam"
                            + "|qpm|qhs|at\\s+bedtime|nightly|every\\s+(?:morning|evening|night)|each\\s+(?:morning|evening|night)"
                            + "|in\\s+the\\s+(?:morning|evening))\\b",
                    1),
            rule(Kind.SINGLE, "\\b(?:once|single\\s+dose|one\\s+dose|stat|x\\s?1|one\\s+time|as\\s+a\\s+single)\\b",
                    0));

    private Frequency() {
    }

    private static Rule rule(Kind kind, String regex, double perDay) {
        return new Rule(kind, Pattern.compile(regex), perDay);
    }

    /**
     * The first frequency in {@code folded[from, to)}; null when none is stated. A single dose ("once", "stat")
     * gives one dose per day, not a schedule.
     */
    static Found find(String folded, int from, int to) {
        Found best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(folded).region(from, to);
            if (m.find() && m.start() < bestStart) {
                double perDay = perDay(r, m);
                if (perDay > 0) {
                    best = new Found(perDay, r.kind == Kind.WEEKLY || r.kind == Kind.TWICE_WEEKLY, m.end());
                    bestStart = m.start();
                }
            }
        }
        return best;
    }

    private static double perDay(Rule r, Matcher m) {
        return switch (r.kind) {
            case Q_HOURS, EVERY_HOURS -> hours(Double.parseDouble(m.group(1)));
            case EVERY_WORD_HOURS -> hours(word(m.group(1)));
            case N_TIMES -> word(m.group(1));
            case SINGLE -> 1;
            case HOURLY, FIXED, WEEKLY, TWICE_WEEKLY, ALT_DAYS -> r.perDay;
        };
    }

    /** Doses per day of a dose every {@code h} hours; a zero interval is no frequency. */
    private static double hours(double h) {
        return h <= 0 ? 0 : 24.0 / h;
    }

    private static double word(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "eight" -> 8;
            case "twelve" -> 12;
            case "twenty-four" -> 24;
            default -> Double.parseDouble(w);
        };
    }
}
