package org.clinigate.deid.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Completes postal addresses. The pattern rules find the street line ("28 Rue Gafsa", "Puruntie 82
 * Apt. 595"); this detector, which runs after them and reads their candidates, widens each street to
 * the whole address block: a building number in front, then the unit, city, region code, country and
 * postcode that follow it, whether they are separated by commas, line breaks, column gaps or table
 * markers. Stateless and thread safe.
 */
final class AddressDetector implements Detector {

    private static final CueSet UNITS = CueSet.of("apt", "apartment", "suite", "ste", "unit", "fl", "floor", "rm",
            "room", "bldg", "building", "box", "po", "p");
    /** Longest stretch of separators allowed between two parts of one address. */
    private static final int MAX_GAP = 8;
    private static final int MAX_PARTS = 6;

    private final Lexicons lex;

    AddressDetector(Lexicons lex) {
        this.lex = lex;
    }

    /** Words that open a street name in many languages ("Rua do Arenque 1634", "ul. Miła 53"). */
    private static final CueSet STREET_OPENERS = CueSet.of("via", "viale", "rua", "rue", "calle", "carrer", "avenida",
            "av", "avda", "strada", "piazza", "piazzale", "largo", "plac", "ulica", "ul", "aleja", "al", "praca",
            "travessa", "estrada", "paseo", "plaza", "chemin", "route", "boulevard", "bd", "quai", "impasse", "allee",
            "straat", "laan", "weg", "vei", "gata", "tie", "katu", "u");
    /** Units of measure: "2 Aspirin 81 mg" is a dose, not an address. */
    private static final CueSet MEASURES = CueSet.of("mg", "mcg", "ug", "g", "kg", "ml", "l", "units", "unit", "iu",
            "tabs", "tab", "tablets", "tablet", "caps", "capsules", "puffs", "drops", "mmhg", "bpm", "mmol", "meq", "%",
            "times", "x", "hours", "hrs", "days", "weeks", "months", "years", "cm", "mm", "min", "minutes", "am", "pm");

    @Override
    public void detect(TextView v, List<Candidate> out) {
        List<Candidate> streets = new ArrayList<>();
        for (Candidate c : out) {
            if (c.category() == PhiCategory.LOCATION && c.priority() >= Candidate.PATTERN && hasDigit(v.text, c)) {
                streets.add(c);
            }
        }
        postcodesAfterCountries(v, out);
        List<Candidate> numbered = numberedStreets(v);
        out.addAll(numbered);
        streets.addAll(numbered);
        for (Candidate c : streets) {
            int first = v.tokenAt(c.start());
            int last = v.tokenBefore(c.end());
            if (first < 0 || last < first) {
                continue;
            }
            int s = buildingNumberBefore(v, first);
            int e = extendForward(v, last);
            if (s < first || e > last) {
                out.add(new Candidate(v.start[s], v.end[e], PhiCategory.LOCATION, Candidate.CONTEXT));
            }
            if (v.isWord(first) || s < first) {
                employerBetween(v, s, out); // only before a street, not before a bare ZIP code
            }
        }
    }

    /**
     * "Slovenia 15755", "Czech Republic 566 55": a postcode written after the country, as many European
     * addresses end. The country itself is not PHI under Safe Harbor; the postcode is a geographic unit
     * smaller than a state, so it is.
     */
    private void postcodesAfterCountries(TextView v, List<Candidate> out) {
        // Driven by the numbers, which are few, rather than by every capitalised word.
        for (int n = 1; n < v.size; n++) {
            if (v.type[n] != TextView.NUMBER || v.lineStart[n] || v.length(n) < 3 || v.length(n) > 6) {
                continue;
            }
            int last = n - 1;
            if (v.isPunct(last, ',') && last > 0 && v.adjacent(last - 1)) {
                last--;
            }
            if (!v.isWord(last) || v.start[n] - v.end[n - 1] > 2 || !country(v, last)) {
                continue;
            }
            int end = n;
            int digits = v.length(n);
            // "566 55", "840 24": a postcode written in two groups
            if (digits == 3 && n + 1 < v.size && v.type[n + 1] == TextView.NUMBER && v.length(n + 1) == 2
                    && v.start[n + 1] - v.end[n] == 1) {
                end = n + 1;
                digits = 5;
            }
            boolean followedByWord = end + 1 < v.size && v.isWord(end + 1) && !v.lineStart[end + 1]
                    && v.start[end + 1] - v.end[end] <= 1 && MEASURES.has(v, end + 1);
            boolean year = digits == 4 && end == n && isYear(v.text, v.start[n]);
            if (digits >= 4 && digits <= 6 && !followedByWord && !year) {
                out.add(new Candidate(v.start[n], v.end[end], PhiCategory.LOCATION, Candidate.CONTEXT));
            }
            n = end;
        }
    }

    /** A capitalised country name ending at token {@code last}: one word, or two ("Czech Republic"). */
    private boolean country(TextView v, int last) {
        if (!Character.isUpperCase(v.text.charAt(v.start[last]))) {
            return false;
        }
        if ((v.flags(last, lex) & Lexicons.COUNTRY) != 0) {
            return true;
        }
        int first = last - 1;
        return first >= 0 && v.isWord(first) && v.start[last] - v.end[first] == 1
                && Character.isUpperCase(v.text.charAt(v.start[first]))
                && lex.countries.contains(v.lower(first) + " " + v.lower(last));
    }

    /** "Kenya 2019": a year after a country is not a postcode. */
    private static boolean isYear(String t, int p) {
        int y = Integer.parseInt(t, p, p + 4, 10);
        return y >= 1900 && y <= 2100;
    }

    private static final CueSet PARTICLES = CueSet.of("do", "da", "dos", "das", "de", "del", "della", "dei", "di",
            "des", "du", "la", "le", "van", "von", "der", "den", "ter", "u", "ul", "al", "av", "st");

    /**
     * Streets written as a name between a building number and a house number ("20789 Allika 46"), or
     * opened by a street word ("Rua do Arenque 1634"): the European and Latin American forms that no
     * street-type list covers.
     */
    private List<Candidate> numberedStreets(TextView v) {
        List<Candidate> found = new ArrayList<>();
        for (int k = 0; k < v.size; k++) {
            if (!v.isWord(k)) {
                continue;
            }
            boolean numbered = k > 0 && v.type[k - 1] == TextView.NUMBER && v.length(k - 1) <= 6 && !v.lineStart[k]
                    && v.start[k] - v.end[k - 1] <= 2;
            // "Via Roma 5", and in lower case "26 rue des Lilas 4" or "ul. Miła 53"
            boolean opener = STREET_OPENERS.has(v, k) && (Character.isUpperCase(v.text.charAt(v.start[k]))
                    || numbered || v.isPunct(k + 1, '.') && v.adjacent(k));
            if (!opener && !(numbered && nameStart(v, k))) {
                continue;
            }
            int j = k;
            int words = 0;
            while (j < v.size && words < 4 && !v.lineStart[j] || j == k) {
                if (v.isWord(j) && (j == k || streetWord(v, j))) {
                    words++;
                    j++;
                    if (v.isPunct(j, '.') && v.adjacent(j - 1)) {
                        j++; // "ul." "Av."
                    }
                } else {
                    break;
                }
            }
            if (j < v.size && v.type[j] == TextView.NUMBER && v.length(j) <= 5 && !v.lineStart[j]
                    && v.start[j] - v.end[j - 1] <= 2 && !measureAfter(v, j)) {
                found.add(new Candidate(v.start[k], v.end[j], PhiCategory.LOCATION, Candidate.PATTERN));
                k = j;
            }
        }
        return found;
    }

    private boolean nameStart(TextView v, int k) {
        if (!Character.isUpperCase(v.text.charAt(v.start[k])) || v.length(k) < 2) {
            return false;
        }
        int f = v.flags(k, lex);
        if ((f & Lexicons.MONTH) != 0) {
            return false; // "1 Oct 1984" is a date
        }
        return (f & (Lexicons.CLINICAL | Lexicons.FUNCTION | Lexicons.COMMON)) == 0 || (f & Lexicons.PLACE) != 0;
    }

    private boolean streetWord(TextView v, int j) {
        if (PARTICLES.has(v, j)) {
            return true;
        }
        int f = v.flags(j, lex);
        if (Character.isUpperCase(v.text.charAt(v.start[j]))) {
            return (f & Lexicons.CLINICAL) == 0;
        }
        // A lower-case word of the street's own language ("tér", "lieutemants"), not an English one.
        return (f & (Lexicons.ENGLISH | Lexicons.CLINICAL | Lexicons.FUNCTION)) == 0;
    }

    private static boolean measureAfter(TextView v, int j) {
        int k = j + 1;
        return k < v.size && (v.isWord(k) || v.isPunct(k, '%')) && MEASURES.has(v, k)
                || k < v.size && v.isPunct(k, '/') || k < v.size && v.isPunct(k, '.') && k + 1 < v.size
                        && v.type[k + 1] == TextView.NUMBER && v.adjacent(k);
    }

    /**
     * A contact block "Name  Company  Address": capitalised words between a found name and the
     * address that follows it are the employer.
     */
    private void employerBetween(TextView v, int addressStart, List<Candidate> out) {
        int j = addressStart - 1;
        while (j >= 0 && v.type[j] == TextView.PUNCT && isSeparator(v.text.charAt(v.start[j]))) {
            j--;
        }
        int last = j;
        int first = -1;
        while (j >= 0 && last - j < 5 && v.isWord(j) && Character.isUpperCase(v.text.charAt(v.start[j]))
                && (v.flags(j, lex) & (Lexicons.FUNCTION | Lexicons.MONTH | Lexicons.US_STATE)) == 0
                && !(v.isAllUpper(j) && v.length(j) <= 3)) {
            first = j;
            j--;
        }
        if (first < 0) {
            return;
        }
        int nameEnd = j;
        while (nameEnd >= 0 && v.type[nameEnd] == TextView.PUNCT && isSeparator(v.text.charAt(v.start[nameEnd]))) {
            nameEnd--;
        }
        if (nameEnd < 0 || v.start[first] - v.end[Math.max(nameEnd, 0)] > MAX_GAP + 8) {
            return;
        }
        int nameOffset = v.end[nameEnd];
        int from = v.start[first];
        int to = v.end[last];
        for (Candidate c : out) {
            if (c.category() == PhiCategory.NAME && c.end() == nameOffset) {
                boolean overlapsName = false;
                for (Candidate o : out) {
                    if (o.category() == PhiCategory.NAME && o.start() < to && o.end() > from) {
                        overlapsName = true;
                        break;
                    }
                }
                if (!overlapsName) {
                    out.add(new Candidate(from, to, PhiCategory.ORGANIZATION, Candidate.CONTEXT));
                }
                return;
            }
        }
    }

    private static boolean hasDigit(String t, Candidate c) {
        for (int i = c.start(); i < c.end(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "28245 Puruntie 82": a number of up to six digits just before the street, on the same line. */
    private static int buildingNumberBefore(TextView v, int first) {
        int p = first - 1;
        if (p >= 0 && v.type[p] == TextView.NUMBER && v.length(p) <= 6 && !v.lineStart[first]
                && v.start[first] - v.end[p] <= 3) {
            return p;
        }
        return first;
    }

    private int extendForward(TextView v, int last) {
        int end = last;
        int parts = 0;
        int j = last + 1;
        while (j < v.size && parts < MAX_PARTS) {
            int k = skipSeparators(v, j, end);
            if (k < 0 || k >= v.size) {
                break;
            }
            int partEnd = part(v, k, parts > 0);
            if (partEnd < 0) {
                break;
            }
            end = partEnd;
            parts++;
            if (partEnd == k && v.type[k] == TextView.NUMBER) {
                break; // a postcode ends the address
            }
            j = partEnd + 1;
        }
        return end;
    }

    /** The first token after the separators that follow token {@code prev}, or -1 when the gap is too wide. */
    private static int skipSeparators(TextView v, int j, int prev) {
        int k = j;
        while (k < v.size && v.type[k] == TextView.PUNCT && (isSeparator(v.text.charAt(v.start[k]))
                || k == j && v.isPunct(k, '.') && (v.type[prev] == TextView.NUMBER || v.length(prev) <= 3))) {
            k++; // "u. 12.  Apt. 762": a full stop after a house number or an abbreviation
        }
        if (k >= v.size) {
            return -1;
        }
        int gap = v.start[k] - v.end[prev];
        String between = v.text.substring(v.end[prev], v.start[k]);
        long breaks = between.chars().filter(c -> c == '\n').count();
        return gap <= MAX_GAP + 8 && breaks <= 2 ? k : -1;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '>' || c == '?' || c == '|' || c == ';' || c == '-' || c == '/' || c == '\u2022';
    }

    /** The last token of one address part starting at {@code k}: a unit, a postcode, or place words. */
    private int part(TextView v, int k, boolean afterPart) {
        if (v.type[k] == TextView.NUMBER) {
            return v.length(k) >= 3 && v.length(k) <= 6 ? k : -1;
        }
        if (v.type[k] != TextView.WORD) {
            return -1;
        }
        String lw = v.lower(k);
        if (UNITS.has(v, k)) {
            int j = k + 1;
            while (j < v.size && j <= k + 3 && v.type[j] == TextView.PUNCT && !v.lineStart[j]) {
                j++;
            }
            return j < v.size && v.type[j] != TextView.PUNCT && !v.lineStart[j] ? j : -1;
        }
        int end = -1;
        for (int j = k; j < v.size && j < k + 4 && v.isWord(j) && (j == k || !v.lineStart[j]); j++) {
            if (!placeWord(v, j, afterPart)) {
                break;
            }
            end = j;
            if (j + 1 < v.size && v.start[j + 1] - v.end[j] > 1) {
                break; // a column gap ends a part
            }
        }
        if (end < 0 && afterPart) {
            end = confirmedCommonWords(v, k);
        }
        return end;
    }

    /**
     * A city named with everyday words ("Pines Beach") counts only when a country, a region code or a
     * postcode follows it, which confirms that the address goes on.
     */
    private int confirmedCommonWords(TextView v, int k) {
        int end = -1;
        for (int j = k; j < v.size && j < k + 3 && v.isWord(j) && (j == k || !v.lineStart[j]); j++) {
            int f = v.flags(j, lex);
            if (!Character.isUpperCase(v.text.charAt(v.start[j]))
                    || (f & (Lexicons.FUNCTION | Lexicons.CLINICAL)) != 0) {
                break;
            }
            end = j;
        }
        if (end < 0) {
            return -1;
        }
        int next = skipSeparators(v, end + 1, end);
        if (next < 0) {
            return -1;
        }
        boolean postcode = v.type[next] == TextView.NUMBER && v.length(next) >= 3 && v.length(next) <= 6;
        boolean code = v.isWord(next) && v.isAllUpper(next) && v.length(next) == 2;
        boolean country = v.isWord(next) && (v.in(next, lex, Lexicons.COUNTRY)
                || next + 1 < v.size && v.isWord(next + 1)
                        && lex.countries.contains(v.lower(next) + " " + v.lower(next + 1)));
        return postcode || code || country ? end : -1;
    }

    /** A city, region or country word: capitalised, or a short code, and not an everyday word. */
    private boolean placeWord(TextView v, int j, boolean afterPart) {
        String lw = v.lower(j);
        if (lw.equals("nan")) {
            return true; // an empty field exported by a spreadsheet
        }
        int f = v.flags(j, lex);
        if ((f & (Lexicons.FUNCTION | Lexicons.CLINICAL)) != 0 && (f & Lexicons.PLACE) == 0) {
            return false;
        }
        boolean capital = Character.isUpperCase(v.text.charAt(v.start[j]));
        if (!capital) {
            return false;
        }
        if (v.isAllUpper(j) && v.length(j) <= 2) {
            return afterPart; // a region code ("SK") follows a city
        }
        return (f & (Lexicons.PLACE | Lexicons.US_STATE)) != 0 || v.in(j, lex, Lexicons.COUNTRY) || v.isAllUpper(j)
                || (f & Lexicons.COMMON) == 0;
    }

}
