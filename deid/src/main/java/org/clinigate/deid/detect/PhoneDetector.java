package org.clinigate.deid.detect;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.PhiCategory;

/**
 * Telephone and fax numbers, North American and international. A number is a fax when "fax" appears
 * shortly before it. Short space-separated digit groups (which also look like lab panels, "140 104 24")
 * need a phone cue nearby.
 */
final class PhoneDetector implements Detector {

    private static final Pattern NANP = Pattern.compile(
            "(?<![\\w+/.-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}"
                    + "(?:\\s{0,2}(?:x|ext\\.?|extension)\\s{0,2}\\d{1,6})?(?![\\w/]|[.-]\\d)");
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,5}\\)?){2,6}(?![\\w/]|[.-]\\d)");
    // Digit groups are possessive: every continuation needs a non-digit next, so giving digits back never helps.
    private static final Pattern GROUPS = Pattern.compile(
            "(?<![\\w.,/+:-])(?:\\(\\d{1,5}+\\)\\s?)?\\d{2,5}+(?:[ .-]\\d{2,5}+){1,5}(?![\\w/%]|[.,:-]\\d)");
    private static final Pattern PLAIN = Pattern.compile("(?<![\\w.,/+-])\\d{10,11}(?![\\w]|[.,]\\d)");
    /** Words that say a number nearby is a phone: the cue must open a word and lie within 24 characters. */
    private static final String[] CUES = {"phone", "tel", "telephone", "call", "cell", "mobile", "mob", "contact",
            "number", "reach", "fax", "pager", "page", "ph", "home", "work", "office", "beeper", "text", "whatsapp"};

    private static final String[][] CUES_BY_LETTER = byLetter(CUES);

    private static String[][] byLetter(String[] words) {
        String[][] out = new String[26][];
        for (int l = 0; l < 26; l++) {
            char c = (char) ('a' + l);
            out[l] = java.util.Arrays.stream(words).filter(w -> w.charAt(0) == c).toArray(String[]::new);
        }
        return out;
    }

    /** A phone number has 7 digits within its first 60 characters, whatever its separators. */
    private static boolean sevenDigits(Positions at, int p) {
        return at.digitsIn(p, p + 60) >= 7;
    }

    /** {@code \\s}, '.' or '-' at {@code i}, then a digit. */
    private static boolean separatorThenDigit(Positions at, int i) {
        char c = at(at, i);
        boolean separator = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '.'
                || c == '-';
        return separator && isDigit(at(at, i + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char at(Positions at, int p) {
        return p < at.text.length() ? at.text.charAt(p) : ' ';
    }

    // Where each shape can begin: "+1 (555) 123-4567", "+44 20 7946 0958", "(02) 9876 5432", "5551234567".
    private static final Anchor NANP_AT = Anchor.at(Anchor.Hits.digitRunsOr("(+").where((at, p) -> {
        int run = at.digitRunLength(p);
        char c = at(at, p);
        // "+", "(", a leading "1" of a country code, or an area code followed by a separator and the next group.
        return (c == '+' || c == '(' || run == 1 && c == '1' || run == 3 && separatorThenDigit(at, p + 3))
                && sevenDigits(at, p);
    }));
    private static final Anchor PLUS_AT = Anchor.at(Anchor.Hits.digitRunsOr("+")
            .where((at, p) -> at(at, p) == '+' && sevenDigits(at, p)));
    private static final Anchor GROUPS_AT = Anchor.at(Anchor.Hits.digitRunsOr("(").where((at, p) -> {
        int run = at.digitRunLength(p);
        char next = at(at, p + run);
        return (at(at, p) == '(' || run >= 2 && run <= 5 && (next == ' ' || next == '.' || next == '-')
                && isDigit(at(at, p + run + 1))) && sevenDigits(at, p);
    }));
    private static final Anchor DIGITS_AT = Anchor.at(Anchor.Hits.DIGIT_RUNS.where((at, p) -> {
        int run = at.digitRunLength(p);
        return run == 10 || run == 11;
    }));

    private static final Pattern ISO_DATE = Pattern.compile("(?:19|20)\\d\\d[-.](?:0?[1-9]|1[0-2])[-.]\\d\\d?");
    private static final Pattern US_DATE = Pattern.compile("\\d\\d?[-.]\\d\\d?[-.](?:19|20)\\d\\d");

    @Override
    public void detect(TextView v, List<Candidate> out) {
        find(v, NANP, NANP_AT, out, false);
        find(v, INTERNATIONAL, PLUS_AT, out, false);
        find(v, GROUPS, GROUPS_AT, out, true);
        find(v, PLAIN, DIGITS_AT, out, true);
    }

    private void find(TextView v, Pattern p, Anchor where, List<Candidate> out, boolean needsShapeOrCue) {
        String t = v.text;
        Matcher matcher = p.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
        where.scan(v.positions(), matcher, m -> accept(m, t, out, needsShapeOrCue));
    }

    private static void accept(Matcher m, String t, List<Candidate> out, boolean needsShapeOrCue) {
        String s = m.group();
        int digits = Checks.digits(s);
        if (digits < 7 || digits > 15) {
            return;
        }
        String before = t.substring(Math.max(0, m.start() - 28), m.start());
        boolean cue = cueBefore(before);
        if (needsShapeOrCue && !cue && !phoneShape(s)) {
            return;
        }
        if (!cue && looksLikeDate(s)) {
            return;
        }
        PhiCategory c = before.toLowerCase(Locale.ROOT).contains("fax") ? PhiCategory.FAX : PhiCategory.PHONE;
        out.add(new Candidate(m.start(), m.end(), c, cue ? Candidate.PATTERN + 2 : Candidate.PATTERN));
    }

    /**
     * True when a cue word starts a word in {@code before} and no more than 24 characters, none of them
     * a line break (but for one at the very end), follow it. A plain scan: this runs for every phone-shaped number.
     */
    static boolean cueBefore(String before) {
        // As "$" does, allow one line break at the very end: "Phone:" then the number on the next line.
        String b = before.endsWith("\r\n")
                ? before.substring(0, before.length() - 2)
                : before.endsWith("\n") || before.endsWith("\r") ? before.substring(0, before.length() - 1) : before;
        String seg = b.substring(Math.max(b.lastIndexOf('\n'), b.lastIndexOf('\r')) + 1).toLowerCase(Locale.ROOT);
        // One pass over the word starts, each tried against the cues that begin with its letter.
        for (int i = 0; i < seg.length(); i++) {
            char first = seg.charAt(i);
            if (first < 'a' || first > 'z' || i > 0 && isWordChar(seg.charAt(i - 1))) {
                continue;
            }
            for (String c : CUES_BY_LETTER[first - 'a']) {
                if (seg.startsWith(c, i) && seg.length() - (i + c.length()) <= 24) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 'A' && c <= 'Z';
    }

    /** A shape that lab values and doses rarely take: a leading 0, parentheses, dashes, or a long group. */
    private static boolean phoneShape(String s) {
        if (s.indexOf('.') >= 0) {
            long dots = s.chars().filter(c -> c == '.').count();
            if (dots < 2 || s.indexOf(' ') >= 0) {
                return false;
            }
        }
        if (s.charAt(0) == '0' || s.charAt(0) == '(' || s.indexOf('-') > 0) {
            return true;
        }
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = Character.isDigit(s.charAt(i)) ? run + 1 : 0;
            if (run >= 4) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeDate(String s) {
        return ISO_DATE.matcher(s).matches() || US_DATE.matcher(s).matches();
    }
}
