package org.clinigate.deid.detect;

import static org.clinigate.core.phi.PhiCategory.ACCOUNT;
import static org.clinigate.core.phi.PhiCategory.AGE;
import static org.clinigate.core.phi.PhiCategory.DATE;
import static org.clinigate.core.phi.PhiCategory.DEVICE;
import static org.clinigate.core.phi.PhiCategory.EMAIL;
import static org.clinigate.core.phi.PhiCategory.HEALTH_PLAN;
import static org.clinigate.core.phi.PhiCategory.ID;
import static org.clinigate.core.phi.PhiCategory.IP;
import static org.clinigate.core.phi.PhiCategory.LICENSE;
import static org.clinigate.core.phi.PhiCategory.LOCATION;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.SSN;
import static org.clinigate.core.phi.PhiCategory.URL;
import static org.clinigate.core.phi.PhiCategory.VEHICLE;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.deid.detect.Anchor.Hits;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * The catalogue of pattern rules: dates, ages over 89, contact details, network addresses, and the
 * numbered identifiers that follow a cue word (MRN, member ID, serial number). Built once; the rules
 * are immutable and thread safe.
 */
final class PatternRules {

    private PatternRules() {
    }

    static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String ORD = "(?:st|nd|rd|th)";
    /** An identifier token after a cue: 3 to 30 characters with at least one digit. */
    private static final String ID_TOKEN = "((?=[A-Za-z0-9-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{2,29}(?<!-))";
    private static final String CUE_TAIL = "\\.?\\s{0,3}(?:(?:number|num|no\\.?|#|id|identifier)\\s{0,3})?"
            + "(?:(?:is|was|of)\\s{1,3})?[:#=]?\\s{0,3}#?\\s{0,2}";
    private static final Pattern SCALE_CONTEXT = Pattern.compile(
            "(?i)\\b(?:pain|scale|score|rated|apgar|bp|b/p|blood pressure|gcs|strength|ratio|power|motor|reflex|grade"
                    + "|murmur|vision|visual|acuity|va|sbp|dbp|pressure|mmhg|tablet|tab|dose|gravida|para|g\\d+p)"
                    + "\\b[^\\n]*$");
    private static final Pattern DATE_CUE = Pattern.compile(
            "(?i)\\b(?:on|since|from|until|till|dated|date|seen|visit|admitted|discharged|by|before|after)\\s*:?\\s*$");
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "(?i)^\\s*(?:mg|mcg|ug|ml|g|kg|l|tab|tabs|tablet|cap|caps|strength|dose|doses|units?|iu|%|mmhg|times"
                    + "|x\\b|puffs?|drops?|mm|cm|in|inch|hours?|hrs?|days?|weeks?|wks?|months?|yrs?|years?)\\b");

    static List<Detector> all(Lexicons lex) {
        List<Detector> r = new ArrayList<>();
        dates(r);
        ages(r);
        contact(r);
        identifiers(r);
        addresses(r, lex);
        return r.stream()
                .map(d -> d instanceof Rule rule && rule.anchor() == Anchor.EVERYWHERE ? anchored(rule, lex) : d)
                .toList();
    }

    /**
     * Where each rule can begin. Every rule is listed: a rule left to run everywhere costs as much as
     * all the anchored ones together.
     */
    /** Month names, one list per text for the three rules that start from them. */
    private static final Hits MONTH_WORDS = Hits.lexicon(Lexicons.MONTH);

    private static Rule anchored(Rule rule, Lexicons lex) {
        Hits months = MONTH_WORDS;
        Anchor a = switch (rule.id()) {
            // Each digit rule begins with a run of known length; a cheap look at what follows the run
            // rules out most numbers (doses, vitals, decimals) before the expression is tried.
            case "date-numeric" -> digitRuns((at, p, run) -> run <= 2 && dateTail(at, p + run, 2));
            case "date-iso" -> digitRuns((at, p, run) -> run == 4 && dateTail(at, p + run, 2));
            case "date-month-day" -> digitRuns((at, p, run) -> run <= 2 && charAt(at, p + run) == '/'
                    && isDigit(charAt(at, p + run + 1)));
            case "date-month-year" -> digitRuns((at, p, run) -> run <= 2
                    && (charAt(at, p + run) == '/' || charAt(at, p + run) == '-')
                    && at.digitRunLength(p + run + 1) == 4);
            case "age-unit" -> digitRuns((at, p, run) -> run == 2 && charAt(at, p) == '9'
                    || run == 3 && charAt(at, p) == '1' && charAt(at, p + 1) <= '2');
            case "ipv4" -> digitRuns((at, p, run) -> run <= 3 && dots(at, p) >= 3);
            case "ssn" -> digitRuns((at, p, run) -> run == 3 && (charAt(at, p + 3) == '-' || charAt(at, p + 3) == ' ')
                    && at.digitRunLength(p + 4) == 2);
            case "card" -> digitRuns((at, p, run) -> cardDigits(at, p) >= 12);
            case "mbi" -> digitRuns((at, p, run) -> run == 1 && Character.isUpperCase(charAt(at, p + 1)));
            case "long-number" -> digitRuns((at, p, run) -> run >= 7);
            case "zip4" -> digitRuns((at, p, run) -> run == 5 && charAt(at, p + 5) == '-');
            case "date-month-name-day", "date-month-name-year" -> Anchor.at(months.where(digitsWithin(24, 1)));
            case "date-day-month-name" -> digitRuns((at, p, run) -> run <= 2, Hits.DIGIT_RUNS.followedBy(months, 24));
            case "date-ordinal" -> Anchor.at(Hits.words("on", "by", "since", "until", "till", "before", "after",
                    "from", "through", "thru", "as").where(digitsWithin(32, 1)).where(PatternRules::theFollows));
            case "date-birth-year" -> Anchor.at(Hits.words("d", "born", "birth", "yob").where(digitsWithin(40, 4)));
            case "age-cue" -> Anchor.at(Hits.words("age").where(digitsWithin(24, 2)));
            case "age-now" -> Anchor.at(Hits.words("is", "now", "turn", "will").where(digitsWithin(24, 2)));
            case "age-words" -> Anchor.at(Hits.words("ninety", "one"));
            case "email" -> Anchor.chunksWith('@');
            case "url" -> Anchor.at(Hits.words("http", "ftp", "www"));
            // Only a chunk where some dot is followed by exactly a listed top-level domain can hold a match.
            case "domain" -> Anchor.chunksWith('.', PatternRules::tldAfter);
            case "ipv6" -> Anchor.chunksWith(':', (t, k) -> k + 1 < t.length()
                    && (t.charAt(k + 1) == ':' || Character.digit(t.charAt(k + 1), 16) >= 0));
            case "plate" -> Anchor.at(Hits.words("plate", "tag").where(digitsWithin(48, 1)));
            case "code" -> Anchor.at(Hits.CODES.where(PatternRules::codeShape));
            case "vin" -> Anchor.at(Hits.CODES.where((at, p) -> at.alnumRun(p) == 17));
            case "dea" -> Anchor.at(Hits.CODES.where((at, p) -> at.alnumRun(p) == 9));
            case "iban" -> Anchor.at(Hits.CODES.where(PatternRules::ibanShape));
            case "street" ->
                digitRuns((at, p, run) -> run <= 6 && streetNumberEnd(at, p + run),
                        Hits.DIGIT_RUNS.followedBy(Hits.lexicon(Lexicons.STREET_TYPE), 80));
            case "street-name" -> Anchor.near(Hits.words("street", "avenue", "road", "boulevard", "lane", "drive",
                    "court", "terrace", "parkway", "highway", "circle", "trail", "way"), 64, 12);
            case "city-before-state-zip" -> Anchor.near(ZIP_AFTER_STATE, 96, 11);
            case "zip-after-state" -> Anchor.near(ZIP_AFTER_STATE, 24, 11);
            case "street-intl" -> Anchor.near(PatternRules::foreignStreetNumbers, 48, 48);
            case "unit" -> Anchor.at(Hits.words("apt", "apartment", "suite", "ste", "unit"));
            case "po-box" -> Anchor.at(Hits.words("p"));
            case "zip-cue" -> Anchor.at(Hits.words("zip", "postal", "postcode").where(digitsWithin(48, 3)));
            case "apo" -> Anchor.at(Hits.words("apo", "fpo", "dpo"));
            default -> throw new IllegalStateException("no anchor for rule " + rule.id());
        };
        return rule.at(a);
    }

    /**
     * At least {@code min} digits in the {@code span} characters from a position: every cue rule ends
     * in a number, so a cue word with no digit after it cannot match.
     */
    private static Anchor.PositionTest digitsWithin(int span, int min) {
        return (at, p) -> at.digitsIn(p, p + span) >= min;
    }

    /** Last words of US state names and abbreviations ("York" of "New York"). */
    private static final Set<String> STATE_LAST_WORDS = UsStates.STATES.stream()
            .map(s -> s.substring(s.lastIndexOf(' ') + 1)).collect(java.util.stream.Collectors.toSet());

    /** Five-digit runs that follow a state ("MA 02115", "Ohio, 43210"): where a ZIP code is. */
    private static final Hits ZIP_AFTER_STATE = Hits.digitRunsOfLength(5).where((at, p) -> {
        String t = at.text;
        int j = p;
        while (j > 0 && p - j < 4 && (Character.isWhitespace(t.charAt(j - 1)) || t.charAt(j - 1) == ',')) {
            j--;
        }
        int e = j;
        while (j > 0 && isAsciiLetter(t.charAt(j - 1))) {
            j--;
        }
        return e > j && STATE_LAST_WORDS.contains(t.substring(j, e));
    });

    /** A test of a digit run at {@code p}, {@code run} digits long. */
    @FunctionalInterface
    private interface RunTest {
        boolean test(Positions at, int p, int run);
    }

    private static Anchor digitRuns(RunTest test) {
        // Over the run list itself, whose ends are known, rather than rescanning each run's digits.
        return Anchor.at(at -> {
            int[] out = new int[at.digitRunCount];
            int k = 0;
            for (int i = 0; i < at.digitRunCount; i++) {
                int p = at.digitRuns[i];
                if (test.test(at, p, at.digitRunEnds[i] - p)) {
                    out[k++] = p;
                }
            }
            return java.util.Arrays.copyOf(out, k);
        });
    }

    /** Digit runs from {@code runs} that pass {@code test}, tried anchored. */
    private static Anchor digitRuns(RunTest test, Hits runs) {
        return Anchor.at(runs.where((at, p) -> test.test(at, p, at.digitRunLength(p))));
    }

    private static char charAt(Positions at, int i) {
        return i >= 0 && i < at.text.length() ? at.text.charAt(i) : ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** "/14/2024" from {@code i}: a separator, up to {@code max} digits, and the same separator again. */
    private static boolean dateTail(Positions at, int i, int max) {
        char sep = charAt(at, i);
        if (sep != '/' && sep != '.' && sep != '-') {
            return false;
        }
        int run = at.digitRunLength(i + 1);
        return run >= 1 && run <= max && charAt(at, i + 1 + run) == sep && isDigit(charAt(at, i + 2 + run));
    }

    /** Dots inside the run of digits and dots at {@code p}: an IPv4 address has three. */
    private static int dots(Positions at, int p) {
        int d = 0;
        for (int i = p; i < at.text.length() && i < p + 16; i++) {
            char c = at.text.charAt(i);
            if (c == '.') {
                d++;
            } else if (!isDigit(c)) {
                break;
            }
        }
        return d;
    }

    /** Digits in the run at {@code p} of digits with single spaces or dashes between them. */
    private static int cardDigits(Positions at, int p) {
        int d = 0;
        int i = p;
        String t = at.text;
        while (i < t.length() && d < 20) {
            char c = t.charAt(i);
            if (isDigit(c)) {
                d++;
            } else if (!((c == ' ' || c == '-') && i + 1 < t.length() && isDigit(t.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        return d;
    }

    /** The top-level domains the domain rule knows, lower case. */
    private static final List<String> TLDS = List.of("com", "org", "net", "edu", "gov", "mil", "io", "info", "biz",
            "health", "care", "us", "uk", "ca", "de", "fr", "nl", "se", "no", "dk", "fi", "es", "it", "pt", "ch", "be",
            "au", "nz", "in", "ai", "app", "dev", "co");
    private static final Set<String> TLD_SET = Set.copyOf(TLDS);

    /** True when the ASCII letters right after the dot at {@code k} are exactly a listed top-level domain. */
    private static boolean tldAfter(String t, int k) {
        int e = k + 1;
        while (e < t.length() && e - k <= 6 && isAsciiLetter(t.charAt(e))) {
            e++;
        }
        return e - k >= 3 && e - k <= 7 && (e == t.length() || !isAsciiLetter(t.charAt(e)))
                && TLD_SET.contains(t.substring(k + 1, e).toLowerCase(Locale.ROOT));
    }

    /**
     * True when "the" follows the cue word at {@code p} (after "of" for "as of"): the ordinal-date rule reads
     * "on the 14th", and most cue words are not followed by "the".
     */
    private static boolean theFollows(Positions at, int p) {
        String l = at.lowerAscii();
        int i = skipSpace(l, skipLetters(l, p));
        if (l.startsWith("of", i) && (i + 2 == l.length() || isRegexSpace(l.charAt(i + 2)))) {
            i = skipSpace(l, i + 2);
        }
        return l.startsWith("the", i);
    }

    private static int skipLetters(String l, int i) {
        while (i < l.length() && isAsciiLetter(l.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String l, int i) {
        while (i < l.length() && isRegexSpace(l.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The characters of {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * What the street rule allows after a building number: white space, one letter and white space ("12B Main"), or
     * a hyphen ("12-14 Main", "12B-4 Main"). Rules out doses, times and vitals before the expression is tried.
     */
    private static boolean streetNumberEnd(Positions at, int i) {
        char c = charAt(at, i);
        return isRegexSpace(c) || c == '-'
                || isAsciiLetter(c) && (isRegexSpace(charAt(at, i + 1)) || charAt(at, i + 1) == '-');
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** The token of letters, digits and hyphens at {@code p} is long enough, with 3 digits and a letter. */
    private static boolean codeShape(Positions at, int p) {
        String t = at.text;
        int digits = 0;
        int letters = 0;
        int j = p;
        for (; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (isAsciiLetter(c)) {
                letters++;
            } else if (c != '-') {
                break;
            }
        }
        return digits >= 3 && letters >= 1 && j - p >= 6;
    }

    /** Two letters and two digits: the country and check digits that open an IBAN. */
    private static boolean ibanShape(Positions at, int p) {
        String t = at.text;
        return p + 4 <= t.length() && isAsciiLetter(t.charAt(p)) && isAsciiLetter(t.charAt(p + 1))
                && Character.isDigit(t.charAt(p + 2)) && Character.isDigit(t.charAt(p + 3));
    }

    private static final String[] STREET_SUFFIXES = {"strasse", "stra\u00dfe", "gatan", "vej", "v\u00e4gen", "katu",
            "tie", "weg", "laan", "straat", "gade", "gasse", "platz", "ulica", "utca", "veien", "vegen"};

    /** Ends of foreign street words ("Hauptstrasse") that a house number follows. */
    private static int[] foreignStreetNumbers(Positions at) {
        String t = at.text;
        int[] hits = Hits.substrings(STREET_SUFFIXES).find(at);
        int k = 0;
        for (int h : hits) {
            int j = h;
            while (j < t.length() && Character.isLetter(t.charAt(j))) {
                j++;
            }
            int spaces = 0;
            while (j < t.length() && Character.isWhitespace(t.charAt(j)) && spaces < 3) {
                j++;
                spaces++;
            }
            if (spaces >= 1 && j < t.length() && t.charAt(j) >= '0' && t.charAt(j) <= '9') {
                hits[k++] = h;
            }
        }
        return java.util.Arrays.copyOf(hits, k);
    }

    /**
     * The literal letters that each alternative of a cue list begins with ("mr\\s?#" begins with
     * "mr"), so that the cue rule is tried only at words that start with one of them.
     */
    static String[] leadingWords(String alternation) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder word = new StringBuilder();
        boolean open = true;
        for (int i = 0; i < alternation.length(); i++) {
            char c = alternation.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (depth == 0 && c == '|') {
                out.add(word.toString());
                word.setLength(0);
                open = true;
                continue;
            }
            if (!open) {
                continue;
            }
            boolean letter = c >= 'a' && c <= 'z';
            char next = i + 1 < alternation.length() ? alternation.charAt(i + 1) : ' ';
            if (letter && next != '?' && next != '*' && next != '{') {
                word.append(c);
            } else {
                open = false;
            }
        }
        out.add(word.toString());
        for (String w : out) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("a cue alternative does not begin with a literal letter");
            }
        }
        return out.toArray(String[]::new);
    }

    private static void dates(List<Detector> r) {
        // 03/14/2024, 3-14-24, 14.03.2024 (either order must be a calendar date)
        r.add(Rule.of("date-numeric", "(?<![\\d/.:-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/]|[.-]\\d)",
                0,
                DATE, Candidate.PATTERN,
                m -> Checks.monthDay(i(m, 1), i(m, 3)) || Checks.monthDay(i(m, 3), i(m, 1))));
        // 2024-03-14, 2024/03/14, with an optional time
        r.add(Rule.of("date-iso",
                "(?<![\\d/.-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
                        + "(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\d/]|[.-]\\d)",
                0, DATE, Candidate.PATTERN, m -> Checks.monthDay(i(m, 3), i(m, 4))));
        // 3/14 (month and day only), unless it reads as a ratio, a score or a dose
        r.add(Rule.of("date-month-day", "(?<![\\w/.:-])(\\d{1,2})/(\\d{1,2})(?![\\w/]|[.:]\\d|-\\d)", 0, DATE,
                Candidate.PATTERN, m -> Checks.monthDay(i(m, 1), i(m, 2)) && !scaleOrDose(m)));
        // 03/2024
        r.add(Rule.of("date-month-year", "(?<![\\d/.-])(0?[1-9]|1[0-2])[/-](\\d{4})(?![\\d/]|[.-]\\d)", 0, DATE,
                Candidate.PATTERN, m -> i(m, 2) >= 1900 && i(m, 2) <= 2100));
        // March 14th, 2024; Mar 14; May 3 2024; Tuesday, March 14
        r.add(Rule.ci("date-month-name-day",
                "\\b(" + MONTH + ")\\.?\\s{0,2}(\\d{1,2})" + ORD
                        + "?\\b(?:,?\\s{0,2}(\\d{4}))?(?![\\d:]|\\s*(?:mg|ml|tab|%|am\\b|pm\\b))",
                0,
                DATE, Candidate.PATTERN, m -> i(m, 2) >= 1 && i(m, 2) <= 31));
        // 14 Mar 2024, 14-Mar-2024, 14th of March
        r.add(Rule.ci("date-day-month-name",
                "(?<![\\d.])(\\d{1,2})" + ORD + "?(?:\\s+of)?[\\s-]{1,2}(" + MONTH
                        + ")\\b\\.?(?:[\\s,-]{1,2}(\\d{4}|\\d{2})(?!\\d))?",
                0, DATE, Candidate.PATTERN, m -> i(m, 1) >= 1 && i(m, 1) <= 31));
        // Jan 2023, January of 2023, Mar-2024
        r.add(Rule.ci("date-month-name-year", "\\b(" + MONTH + ")\\.?(?:,?\\s{1,2}(?:of\\s+)?|-)(\\d{4})(?!\\d)", 0,
                DATE, Candidate.PATTERN, m -> i(m, 2) >= 1800 && i(m, 2) <= 2100));
        // on the 14th
        r.add(Rule.ci("date-ordinal",
                "\\b(?:on|by|since|until|till|before|after|from|through|thru|as of)\\s+the\\s+(\\d{1,2}" + ORD + ")\\b"
                        + "(?!\\s+(?:percentile|centile|grade|rib|ribs|intercostal|ventricle|finger|toe|digit|metatarsal|metacarpal"
                        + "|cranial|nerve|degree|cycle|dose|trimester|lumbar|cervical|thoracic|sacral|vertebra|floor|percent"
                        + "|generation|line|position|place|time|week|day|month|year|birthday|decade|attempt|round|visit)\\b)",
                1, DATE, Candidate.PATTERN, m -> i(m, 1) >= 1 && i(m, 1) <= 31));
        // A birth year that reveals an age over 89 (45 CFR 164.514(b)(2)(i)(C)).
        int limit = Year.now().getValue() - 90;
        r.add(Rule.ci("date-birth-year",
                "\\b(?:dob|d\\.o\\.b\\.?|date of birth|born(?:\\s+in)?|birth year|yob)\\s*[:#]?\\s*(\\d{4})\\b",
                1, DATE, Candidate.PATTERN, m -> i(m, 1) <= limit));
    }

    private static void ages(List<Detector> r) {
        String over89 = "(9\\d|1[0-2]\\d)";
        r.add(Rule.ci("age-unit", "(?<![\\d.])" + over89
                + "\\s?-?\\s?(?:y/o|y\\.o\\.?|yo\\b|yrs?\\b|years?\\b|year-old|yr-old|-year|y\\b|yoM|yoF|yom\\b|yof\\b)",
                1,
                AGE, Candidate.PATTERN));
        r.add(Rule.ci("age-cue", "\\b(?:aged?|age:|age is)\\s{0,3}[:=]?\\s{0,3}" + over89 + "(?!\\d|\\.\\d)", 1, AGE,
                Candidate.PATTERN));
        r.add(Rule.ci("age-now", "\\b(?:is now|now aged|turned|turning|will be)\\s{1,3}" + over89
                + "(?![\\d%]|\\.\\d|\\s*(?:mg|ml|kg|lb|bpm|mmhg|%))", 1, AGE, Candidate.PATTERN));
        r.add(Rule.ci("age-words", "\\b(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
                + "|one hundred(?:[- ](?:and[- ])?\\w+)?)(?=[- ]years?[- ]old|[- ]year-old|[- ]y/?o\\b)", 1, AGE,
                Candidate.PATTERN));
    }

    private static void contact(List<Detector> r) {
        r.add(Rule.of("email", "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", 0,
                EMAIL, Candidate.STRUCTURED));
        r.add(Rule.ci("url", "\\b(?:https?://|ftp://|www\\.)[^\\s<>\"'()\\[\\]{}]*[^\\s<>\"'()\\[\\]{}.,;:!?]", 0,
                URL, Candidate.STRUCTURED));
        r.add(Rule.ci("domain", "(?<![@\\w.-])(?:[a-z0-9-]+\\.)+(?:" + String.join("|", TLDS) + ")(?:\\.[a-z]{2})?"
                + "(?:/[^\\s<>\"']*[^\\s<>\"'.,;:!?])?(?![\\w-])", 0, URL, Candidate.PATTERN));
        r.add(Rule.of("ipv4",
                "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                        + "(?![\\w]|\\.\\d)",
                0, IP, Candidate.STRUCTURED));
        r.add(Rule.of("ipv6", "(?<![\\w:])[0-9A-Fa-f]{0,4}(?:::?[0-9A-Fa-f]{1,4}){2,7}(?:::)?(?![\\w:])", 0, IP,
                Candidate.STRUCTURED, PatternRules::ipv6));
        r.add(new PhoneDetector());
    }

    private static void identifiers(List<Detector> r) {
        r.add(Rule.of("ssn", "(?<![\\d-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\d-])", 0, SSN, Candidate.STRUCTURED,
                m -> !m.group(1).equals("000") && !m.group(1).equals("666") && !m.group(3).equals("00")
                        && !m.group(4).equals("0000")));
        r.add(cue("ssn-cue", "ssn|ss#|social security(?:\\s+(?:number|no|#))?|soc sec", SSN));
        r.add(cue("mrn-cue", "mrn|mr\\s?#|mr\\s?no|medical\\s+record(?:\\s+(?:number|no|#))?|med\\.?\\s*rec(?:ord)?\\.?"
                + "|chart(?:\\s+(?:number|no|#))|hospital\\s+(?:number|no|#)|patient\\s+id|pt\\s+id|unit\\s+(?:number|no)"
                + "|emr(?:\\s+(?:number|no|#))?|ehr\\s+id", MRN));
        r.add(cue("account-cue", "acct|account(?:\\s+(?:number|no|#))?|billing(?:\\s+account)?|invoice|bank account"
                + "|routing|card\\s+(?:number|no|#)|credit card|visa|mastercard|amex|har", ACCOUNT));
        r.add(cue("plan-cue",
                "member(?:\\s+id)?|medicaid(?:\\s+id)?|medicare(?:\\s+id)?|mbi|policy|insurance(?:\\s+id)?"
                        + "|subscriber(?:\\s+id)?|group(?:\\s+(?:number|no|#))|plan\\s+id|beneficiary(?:\\s+id(?:entifier)?)?"
                        + "|health\\s+plan(?:\\s+id)?|hicn|payer\\s+id|insured\\s+id|member\\s+number",
                HEALTH_PLAN));
        r.add(cue("license-cue", "licen[cs]e|lic\\.?|dea|npi|certificate|cert\\.?|board\\s+certification"
                + "|driver'?s\\s+licen[cs]e|dl|state\\s+licen[cs]e|permit|registration", LICENSE));
        r.add(cue("vehicle-cue", "vin|plate|license\\s+plate|licence\\s+plate|tag(?=\\s+(?:number|no|#))"
                + "|vehicle(?:\\s+(?:id|identification\\s+number))?", VEHICLE));
        r.add(Rule.ci("plate",
                "\\b(?:plate|tag)\\b(?:\\s+(?:number|no\\.?|#))?\\s{0,3}[:#]?\\s{0,3}([A-Z0-9]{1,4}[ -][A-Z0-9]{2,5})\\b",
                1, VEHICLE, Candidate.PATTERN + 5, m -> Checks.digits(m.group(1)) >= 1));
        r.add(cue("device-cue", "serial(?:\\s+(?:number|no|#))?|s/n|sn|device(?:\\s+(?:id|identifier|serial|number))?"
                + "|udi|model(?:\\s+(?:number|no|#))|lot(?:\\s+(?:number|no|#))|implant\\s+id|imei|catalog", DEVICE));
        r.add(cue("id-cue", "study\\s+id|subject\\s+id|participant\\s+id|case(?:\\s+(?:number|no|#|id))|accession"
                + "(?:\\s+(?:number|no|#))?|specimen(?:\\s+(?:id|number|no|#))|employee(?:\\s+(?:id|number|no|#))"
                + "|badge|claim(?:\\s+(?:number|no|#))|reference(?:\\s+(?:number|no|#))|ref|confirmation(?:\\s+(?:number|no|#))"
                + "|ticket|order(?:\\s+(?:number|no|#))|encounter(?:\\s+(?:id|number|no|#))|visit(?:\\s+(?:id|number|no|#))"
                + "|fin|csn|record\\s+locator|fingerprint(?:\\s+id)?|biometric(?:\\s+id)?|voice\\s?print|retina(?:l)?\\s+scan"
                + "|passport(?:\\s+(?:number|no|#))?|id|identifier|ident", ID));
        r.add(Rule.of("card", "(?<![\\d-])(?:\\d[ -]?){11,18}\\d(?![\\d-])", 0, ACCOUNT, Candidate.PATTERN,
                m -> Checks.luhn(m.group()) && consistentSeparators(m.group())));
        r.add(Rule.ci("iban", "\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b", 1, ACCOUNT,
                Candidate.STRUCTURED, m -> Checks.iban(m.group(1))));
        r.add(Rule.of("mbi", "\\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?"
                + "[AC-HJKMNP-RT-Y]{2}\\d{2}\\b", 0, HEALTH_PLAN, Candidate.STRUCTURED));
        r.add(Rule.of("dea", "\\b([ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7})\\b", 1, LICENSE, Candidate.STRUCTURED,
                m -> Checks.dea(m.group(1))));
        r.add(Rule.of("vin", "\\b([A-HJ-NPR-Z0-9]{17})\\b", 1, VEHICLE, Candidate.PATTERN,
                m -> Checks.digits(m.group(1)) >= 4 && Checks.digits(m.group(1)) <= 14));
        // Any other long number or letter-digit code is taken as a unique identifier.
        r.add(Rule.of("long-number", "(?<![\\w.,/-])\\d{7,}(?![\\w]|[.,]\\d)", 0, ID, Candidate.GUESS + 5));
        r.add(Rule.of("code",
                "(?<![\\w.-])(?=[A-Za-z0-9-]*\\d[A-Za-z0-9-]*\\d[A-Za-z0-9-]*\\d)(?=[A-Za-z0-9-]*[A-Za-z])"
                        + "[A-Za-z0-9][A-Za-z0-9-]{5,29}(?<!-)(?![\\w])",
                0, ID, Candidate.GUESS + 5, PatternRules::codeLike));
    }

    private static void addresses(List<Detector> r, Lexicons lex) {
        String unit = "(?:,?\\s{0,2}(?:apt|apartment|suite|ste|unit|rm|room|fl|floor|bldg|building|#)\\.?\\s{0,2}#?\\s{0,2}"
                + "[A-Za-z0-9-]{1,6}\\b)?";
        String types = String.join("|",
                lex.streetTypes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
        r.add(Rule.ci("street",
                "(?<![\\w.])(\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\s{1,2}(?:(?:[NSEW]|N\\.?E|N\\.?W|S\\.?E|S\\.?W"
                        + "|North|South|East|West)\\.?\\s{1,2})?(?:[A-Za-z0-9][A-Za-z'-]*\\s{1,2}){1,3}?(?:" + types
                        + ")\\b\\.?"
                        + unit + ")",
                1, LOCATION, Candidate.PATTERN));
        r.add(Rule.of("street-name",
                "\\b((?:[A-Z][a-z]+\\s){1,2}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Terrace"
                        + "|Parkway|Highway|Circle|Trail|Way)|(?:[A-Z]+\\s){1,2}(?:STREET|AVENUE|ROAD|BOULEVARD|LANE|DRIVE|COURT))\\b",
                1,
                LOCATION, Candidate.LEXICON));
        r.add(Rule.of("city-before-state-zip", "\\b((?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+),?\\s(?:" + String.join("|",
                UsStates.STATES) + "),?\\s{1,2}\\d{5}(?:-\\d{4})?\\b", 1, LOCATION, Candidate.LEXICON));
        r.add(Rule.ci("street-intl", "\\b([A-Z][\\p{L}'-]*(?:strasse|straße|gatan|vej|vägen|katu|tie|weg|laan|straat"
                + "|gade|gasse|platz|ulica|utca|veien|vegen)\\s{1,2}\\d{1,5}[A-Za-z]?" + unit + ")", 1, LOCATION,
                Candidate.PATTERN));
        r.add(Rule.ci("unit",
                "\\b((?:apt|apartment|suite|ste|unit)\\.?\\s{0,2}#?\\s{0,2}(?:\\d{1,5}[A-Za-z]?|[A-Za-z]\\d{0,4})"
                        + ")\\b",
                1, LOCATION, Candidate.CONTEXT, m -> !m.group(1).toLowerCase(Locale.ROOT).startsWith("unit")
                        || Checks.digits(m.group(1)) >= 2));
        r.add(Rule.ci("po-box",
                "\\b((?:p\\.?\\s?o\\.?\\s?box|post office box|psc\\s+\\d+,?\\s+box)\\s{0,2}#?\\s{0,2}\\d{1,6})", 1,
                LOCATION, Candidate.PATTERN));
        r.add(Rule.of("zip-after-state",
                "\\b(?:" + String.join("|", UsStates.STATES) + "),?\\s{1,3}(\\d{5}(?:-\\d{4})?)\\b",
                1, LOCATION, Candidate.PATTERN));
        r.add(Rule.ci("zip-cue",
                "\\b(?:zip(?:\\s*code)?|postal\\s+code|postcode)\\s*(?:is\\s+|was\\s+)?[:#]?\\s*([A-Z0-9]{3,5}(?:[ -][A-Z0-9]{3,4})?)\\b",
                1, LOCATION, Candidate.CONTEXT, m -> Checks.digits(m.group(1)) >= 3));
        r.add(Rule.of("zip4", "(?<![\\d-])(\\d{5}-\\d{4})(?![\\d-])", 1, LOCATION, Candidate.PATTERN));
        r.add(Rule.of("apo", "\\b((?:APO|FPO|DPO)\\s+(?:AA|AE|AP)\\s+\\d{5})\\b", 1, LOCATION, Candidate.PATTERN));
    }

    private static Rule cue(String id, String cues, PhiCategory category) {
        return Rule.ci(id, "\\b(?:" + cues + ")" + CUE_TAIL + ID_TOKEN, 1, category, Candidate.PATTERN + 5)
                .at(Anchor.at(Hits.words(leadingWords(cues)).where(digitsWithin(96, 1))));
    }

    private static int i(Matcher m, int group) {
        String g = m.group(group);
        try {
            return g == null ? -1 : leadingNumber(g);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final Pattern YEAR_MONTH = Pattern.compile("(?:19|20)\\d\\d-\\d\\d(?:-\\d\\d)?");

    /** The number a group opens with, ignoring a trailing ordinal ("14th"); at most 9 digits. */
    private static int leadingNumber(String g) {
        int v = 0;
        int k = 0;
        while (k < g.length() && k < 9 && Character.isDigit(g.charAt(k))) {
            v = v * 10 + (g.charAt(k) - '0');
            k++;
        }
        for (int j = k; j < g.length(); j++) {
            if (Character.isDigit(g.charAt(j))) {
                return -1;
            }
        }
        return k == 0 ? -1 : v;
    }

    private static boolean scaleOrDose(Matcher m) {
        String before = textBefore(m, 40);
        if (SCALE_CONTEXT.matcher(before).find() || UNIT_AFTER.matcher(textAfter(m, 16)).find()) {
            return true;
        }
        if (DATE_CUE.matcher(before).find()) {
            return false;
        }
        // 7/10 and 10/10 read as scores far more often than as 7 October.
        return m.group().endsWith("/10");
    }

    private static String textBefore(Matcher m, int n) {
        String whole = source(m);
        return whole.substring(Math.max(0, m.start() - n), m.start());
    }

    private static String textAfter(Matcher m, int n) {
        String whole = source(m);
        return whole.substring(m.end(), Math.min(whole.length(), m.end() + n));
    }

    private static String source(Matcher m) {
        return Rule.CURRENT_TEXT.get();
    }

    private static boolean ipv6(Matcher m) {
        String s = m.group();
        int colons = 0;
        boolean hexLetter = false;
        for (char c : s.toCharArray()) {
            if (c == ':') {
                colons++;
            } else if (Character.isLetter(c)) {
                hexLetter = true;
            }
        }
        return colons >= 2 && (hexLetter || colons >= 5 || s.contains("::"));
    }

    private static boolean consistentSeparators(String s) {
        int digits = Checks.digits(s);
        if (digits < 12 || digits > 19) {
            return false;
        }
        return !(s.contains(" ") && s.contains("-"));
    }

    private static final Set<String> UNIT_SUFFIX = Set.of("mg", "mcg", "ml", "mmhg", "kg", "mm", "cm", "iu", "meq",
            "mmol", "units", "hrs", "min");

    private static boolean codeLike(Matcher m) {
        String s = m.group().toLowerCase(Locale.ROOT);
        for (String u : UNIT_SUFFIX) {
            if (s.endsWith(u) && Character.isDigit(s.charAt(s.length() - u.length() - 1))) {
                return false;
            }
        }
        return !YEAR_MONTH.matcher(s).matches();
    }

    /** US state names and abbreviations: a five-digit number after one is a ZIP code. */
    static final class UsStates {
        static final List<String> STATES = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
                "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
                "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
                "VA", "WA", "WV", "WI", "WY", "DC", "PR", "Alabama", "Alaska", "Arizona", "Arkansas", "California",
                "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana",
                "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
                "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
                "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
                "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
                "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming");

        private UsStates() {
        }
    }
}
