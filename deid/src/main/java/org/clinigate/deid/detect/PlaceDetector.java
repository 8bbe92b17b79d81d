package org.clinigate.deid.detect;

import java.util.List;
import java.util.Set;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Cities, towns and other places below the level of a state, found by longest match against the place
 * lexicon. A place name that is also an everyday word ("Mobile", "Hope") needs context: a cue before it
 * ("lives in"), or a state or ZIP code after it. A ZIP code right after a place is taken too.
 */
final class PlaceDetector implements Detector {

    /** The last words of {@code STRONG_CUES}. */
    private static final CueSet CUE_HEADS = CueSet.of("in", "to", "at", "from", "of", "city");
    private static final CueSet CUES = CueSet.of("in", "from", "to", "near", "at", "of", "city", "town", "village",
            "county", "resides", "lives", "live", "living", "moved", "born", "hometown", "address", "located",
            "visiting", "travelled", "traveled", "outside", "downtown");
    private static final int MAX_WORDS = 4;

    private final Lexicons lex;

    PlaceDetector(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void detect(TextView v, List<Candidate> out) {
        int i = 0;
        while (i < v.size) {
            int end = match(v, i);
            if (end < 0) {
                i++;
                continue;
            }
            int last = end - 1;
            if (accept(v, i, last)) {
                out.add(new Candidate(v.start[i], v.end[last], PhiCategory.LOCATION, Candidate.LEXICON));
                zipAfter(v, last, out);
            }
            i = end;
        }
        cuedPlaces(v, out);
    }

    /** Phrases after which the next proper noun is a place: "grew up in", "flew to", "based in". */
    private static final Set<String> STRONG_CUES = Set.of("lives in", "live in", "living in", "lived in", "up in",
            "born in", "i'm in", "im in", "flew to", "fly to", "flying to", "moved to", "moving to", "here from",
            "based in", "am in",
            "arrived at", "arrived in", "travelling to", "traveling to", "trip to", "resides in", "residing in",
            "home city", "city of", "town of", "village of", "hometown of", "originally from", "relocated to",
            "vacation in", "holiday in", "stationed in");

    /**
     * A name after a strong place cue, even if no lexicon lists it ("flew to RYSSBY", "lives in harburg"):
     * up to three capitalised or upper-case words, or in lower-case text, words that are not English.
     */
    private void cuedPlaces(TextView v, List<Candidate> out) {
        for (int i = 1; i + 1 < v.size; i++) {
            if (!v.isWord(i) || !v.isWord(i - 1) || v.lineStart[i]) {
                continue;
            }
            if (!CUE_HEADS.has(v, i) || !STRONG_CUES.contains(v.lower(i - 1) + " " + v.lower(i))) {
                continue;
            }
            int first = i + 1;
            int last = -1;
            for (int j = first; j < v.size && j < first + 3 && v.isWord(j) && !v.lineStart[j]; j++) {
                if (!unlistedPlaceWord(v, j)) {
                    break;
                }
                last = j;
            }
            if (last >= first && !isCountry(v, first, last) && !v.in(first, lex, Lexicons.US_STATE)) {
                out.add(new Candidate(v.start[first], v.end[last], PhiCategory.LOCATION, Candidate.CONTEXT));
            }
        }
    }

    private boolean unlistedPlaceWord(TextView v, int j) {
        int f = v.flags(j, lex);
        if ((f & (Lexicons.FUNCTION | Lexicons.CLINICAL)) != 0) {
            return false;
        }
        char c = v.text.charAt(v.start[j]);
        if (Character.isUpperCase(c)) {
            return v.isAllUpper(j) || (f & Lexicons.COMMON) == 0 || (f & Lexicons.PLACE) != 0;
        }
        return (f & Lexicons.ENGLISH) == 0 && v.length(j) >= 3;
    }

    /** Longest lexicon match starting at token i; returns the index after it, or -1. */
    private int match(TextView v, int i) {
        if (!v.isWord(i) || !v.in(i, lex, Lexicons.PLACE | Lexicons.PLACE_START) || !cased(v, i)) {
            return -1;
        }
        // The first word's bits say whether it is a place alone and whether a longer name can start with it.
        int f = v.flags(i, lex);
        int best = (f & Lexicons.PLACE) != 0 ? i + 1 : -1;
        if ((f & Lexicons.PLACE_START) == 0) {
            return best;
        }
        StringBuilder key = new StringBuilder(v.lower(i));
        int words = 1;
        for (int j = i + 1; j < v.size && words < Math.min(MAX_WORDS, lex.maxPlaceWords); j++) {
            if (!v.isWord(j)) {
                if (v.isPunct(j, '.') || v.isPunct(j, '-') || v.isPunct(j, '\'')) {
                    continue; // St. Louis, Winston-Salem
                }
                break;
            }
            if (v.lineStart[j] || !cased(v, j)) {
                break;
            }
            key.append(' ').append(v.lower(j));
            words++;
            if (lex.places.contains(key.toString())) {
                best = j + 1;
            }
        }
        return best;
    }

    private boolean cased(TextView v, int i) {
        return v.regime[i] != TextView.MIXED || v.isTitle(i) || v.isAllUpper(i) && v.length(i) > 2;
    }

    private boolean accept(TextView v, int first, int last) {
        boolean multi = last > first;
        int f = v.flags(first, lex);
        if ((f & (Lexicons.FUNCTION | Lexicons.CLINICAL | Lexicons.US_STATE)) != 0
                || !multi && (f & Lexicons.COUNTRY) != 0 || multi && isCountry(v, first, last)
                || !multi && v.length(first) < 3 || (f & Lexicons.EPONYM) != 0 && eponym(v, first, last)) {
            return false;
        }
        boolean plain = multi || (f & Lexicons.ENGLISH) == 0;
        if (plain && (v.regime[first] == TextView.MIXED || (f & Lexicons.COMMON) == 0)) {
            if (!multi && (f & (Lexicons.FIRST | Lexicons.SURNAME)) != 0) {
                return cueBefore(v, first) || stateAfter(v, last);
            }
            return true;
        }
        return cueBefore(v, first) || stateAfter(v, last);
    }

    /** Countries are not PHI under Safe Harbor, which removes only places smaller than a state. */
    private boolean isCountry(TextView v, int first, int last) {
        StringBuilder key = new StringBuilder();
        for (int k = first; k <= last; k++) {
            if (v.isWord(k)) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(v.lower(k));
            }
        }
        return lex.countries.contains(key.toString());
    }

    /** Cushing syndrome, Bell's palsy: a place name used as an eponym. */
    private boolean eponym(TextView v, int first, int last) {
        if (!v.in(first, lex, Lexicons.EPONYM)) {
            return false;
        }
        int k = last + 1;
        if (v.isPunct(k, '\'') || v.isPunct(k, '\u2019')) {
            return true;
        }
        for (int j = k; j < v.size && j <= k + 2 && v.isWord(j); j++) {
            if (v.in(j, lex, Lexicons.EPONYM_HEAD)) {
                return true;
            }
        }
        return false;
    }

    private boolean cueBefore(TextView v, int i) {
        if (v.regime[i] != TextView.MIXED && lex.isCommon(v.lower(i))) {
            return false;
        }
        int p = i - 1;
        return p >= 0 && v.isWord(p) && CUES.has(v, p)
                && (v.regime[i] != TextView.MIXED || v.isTitle(i) || v.isAllUpper(i));
    }

    private boolean stateAfter(TextView v, int last) {
        int k = last + 1;
        if (v.isPunct(k, ',')) {
            k++;
        }
        if (k < v.size && v.isWord(k)) {
            String raw = v.raw(k);
            return PatternRules.UsStates.STATES.contains(raw);
        }
        return k < v.size && v.type[k] == TextView.NUMBER && v.length(k) == 5;
    }

    private void zipAfter(TextView v, int last, List<Candidate> out) {
        int k = last + 1;
        if (v.isPunct(k, ',')) {
            k++;
        }
        if (k < v.size && v.isWord(k) && PatternRules.UsStates.STATES.contains(v.raw(k))) {
            k++;
            if (v.isPunct(k, ',')) {
                k++;
            }
        }
        if (k < v.size && v.type[k] == TextView.NUMBER && v.length(k) == 5 && !v.lineStart[k]) {
            out.add(new Candidate(v.start[k], v.end[k], PhiCategory.LOCATION, Candidate.LEXICON));
        }
    }
}
