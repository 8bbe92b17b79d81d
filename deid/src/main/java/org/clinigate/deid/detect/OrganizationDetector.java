package org.clinigate.deid.detect;

import java.util.List;
import java.util.Set;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Hospitals, clinics, employers and schools: a run of capitalised words that ends in an organisation
 * word ("Mercy Medical Center", "Acme Logistics Inc"), starts with one ("University of Iowa"), or
 * follows an employment cue ("works at"). In ALL-CAPS and lower-case text, where capitalisation says
 * nothing, any content word left of an organisation word counts.
 */
final class OrganizationDetector implements Detector {

    private static final CueSet IS_WAS = CueSet.of("is", "was");
    private static final CueSet FROM_OF = CueSet.of("from", "of");
    private static final CueSet LETTER_S = CueSet.of("s");
    private static final CueSet JOINERS = CueSet.of("of", "and", "&", "the", "for", "at", "de", "la", "du");
    private static final CueSet LEADS = CueSet.of("university", "college", "institute", "school", "bank",
            "church", "hospital", "clinic");
    private static final CueSet EMPLOY_CUES = CueSet.of("works", "worked", "working", "employed", "employer",
            "company", "attends", "attended", "studies", "student", "retired", "volunteers", "work", "joined",
            "year", "became");
    /** Nouns that say the subject of "X is a ..." is an organisation. */
    private static final CueSet KINDS = CueSet.of("agency", "company", "multinational", "firm", "startup",
            "corporation", "nonprofit", "charity", "organization", "organisation", "business", "manufacturer",
            "provider", "insurer", "consultancy", "bank", "retailer", "brand", "publisher", "vendor");
    /** Lower-case nouns that, right after a capitalised run, say the run names an employer or institution. */
    private static final CueSet WORKPLACES = CueSet.of("office", "offices", "headquarters", "orchestra", "choir",
            "staff", "employees", "workers", "branch", "store", "factory", "warehouse", "campus");
    /** Hospital units that take a workplace noun ("the ICU staff") without naming an organisation. */
    private static final CueSet UNITS = CueSet.of("icu", "ed", "er", "or", "pacu", "nicu", "picu", "ccu", "micu",
            "sicu", "cvicu", "ob", "gyn", "l&d", "ir", "cath", "ot", "pt", "slp", "nursing", "front", "main", "head",
            "home", "post", "box", "doctor", "doctors", "dr", "nurse", "nurses", "hospital", "clinic", "school");
    private static final int MAX_LEFT = 5;
    private static final CueSet DEPARTMENTS = CueSet.of("neurology", "cardiology", "oncology", "pediatrics",
            "paediatrics", "radiology", "diagnostic", "imaging", "urgent", "primary", "care", "family", "internal",
            "medicine", "surgery", "surgical", "orthopedic", "orthopedics", "dermatology", "psychiatry", "behavioral",
            "mental", "health", "womens", "women", "children", "sleep", "pain", "wound", "dialysis", "infusion",
            "cancer", "heart", "vascular", "endocrine", "endocrinology", "diabetes", "renal", "nephrology", "gi",
            "pulmonary", "rheumatology", "allergy", "ent", "eye", "vision", "dental", "outpatient", "inpatient",
            "physical", "therapy", "rehabilitation", "rehab", "lab", "laboratory", "admission", "discharge",
            "department",
            "division", "section", "service", "services", "unit", "ward", "floor", "of");

    private final Lexicons lex;

    OrganizationDetector(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void detect(TextView v, List<Candidate> out) {
        for (int i = 0; i < v.size; i++) {
            if (!v.isWord(i)) {
                continue;
            }
            int headEnd = head(v, i);
            if (headEnd >= 0) {
                int first = extendLeft(v, i);
                if (first < i && !onlyDepartments(v, first, i)) {
                    add(out, v, first, headEnd);
                } else if (LEADS.has(v, i) && v.isPunct(i, '.') == false) {
                    int last = extendRightAfterOf(v, headEnd);
                    if (last > headEnd) {
                        add(out, v, i, last);
                    }
                }
                i = Math.max(i, headEnd);
                continue;
            }
            if (EMPLOY_CUES.has(v, i)) {
                employer(v, i, out);
            }
            if (IS_WAS.has(v, i)) {
                describedAsOrganization(v, i, out);
            }
            if (FROM_OF.has(v, i)) {
                affiliation(v, i, out);
            }
            if (WORKPLACES.has(v, i) && v.regime[i] == TextView.MIXED) {
                workplace(v, i, out);
            }
            if (LETTER_S.has(v, i) && i > 0 && v.isPunct(i - 1, '\'') && v.adjacent(i - 1)) {
                possessor(v, i - 1, out);
            }
        }
    }

    /** If an organisation word of one to three words starts at i, returns its last token, else -1. */
    private int head(TextView v, int i) {
        if (!v.in(i, lex, Lexicons.ORGANIZATION | Lexicons.ORGANIZATION_START)) {
            return -1;
        }
        String key = v.lower(i);
        int best = lex.organizationWords.contains(key) ? i : -1;
        int j = i;
        for (int n = 1; n < 3; n++) {
            int k = j + 1;
            if (!v.isWord(k) || v.lineStart[k]) {
                break;
            }
            key = key + " " + v.lower(k);
            j = k;
            if (lex.organizationWords.contains(key)) {
                best = j;
            }
        }
        if (best >= 0 && v.regime[i] == TextView.MIXED && !v.isTitle(i) && !v.isAllUpper(i)) {
            return -1;
        }
        return best;
    }

    /** "Neurology Clinic", "Diagnostic Imaging": a department, not an organisation's name. */
    private boolean onlyDepartments(TextView v, int first, int head) {
        for (int k = first; k < head; k++) {
            if (v.isWord(k) && !DEPARTMENTS.has(v, k) && !JOINERS.has(v, k)) {
                return false;
            }
        }
        return true;
    }

    private int extendLeft(TextView v, int head) {
        int first = head;
        int j = head - 1;
        int words = 0;
        while (j >= 0 && words < MAX_LEFT && !v.lineStart[j + 1]) {
            if (v.isPunct(j, '.') || v.isPunct(j, '\'') || v.isPunct(j, '-') || v.isPunct(j, '&')) {
                j--;
                continue;
            }
            if (!v.isWord(j)) {
                break;
            }
            String lw = v.lower(j);
            if (JOINERS.has(v, j) && j > 0 && v.isWord(j - 1) && orgWord(v, j - 1)) {
                j--;
                continue;
            }
            if (lw.equals("s") && j > 0 && v.adjacent(j - 1)) {
                j--;
                continue;
            }
            if (!orgWord(v, j)) {
                break;
            }
            first = j;
            words++;
            j--;
        }
        while (first < head && v.isWord(first) && JOINERS.has(v, first)) {
            first++;
        }
        return first;
    }

    private boolean orgWord(TextView v, int j) {
        String lw = v.lower(j);
        if (v.regime[j] == TextView.MIXED) {
            return (v.isTitle(j) || v.isAllUpper(j) && v.length(j) > 1) && !v.in(j, lex, Lexicons.FUNCTION)
                    || lw.equals("st") || lw.equals("saint");
        }
        // Without case, any content word may name an organisation ("PRAIRIE STAR MEDICAL CENTER").
        return !v.in(j, lex, Lexicons.FUNCTION) && !v.in(j, lex, Lexicons.CLINICAL) && !DEPARTMENTS.has(v, j)
                && !EMPLOY_CUES.has(v, j) || lw.equals("st") || lw.equals("saint");
    }

    private int extendRightAfterOf(TextView v, int head) {
        int k = head + 1;
        if (!v.isWord(k) || !v.lower(k).equals("of")) {
            return head;
        }
        int last = head;
        for (int j = k + 1; j < v.size && j <= k + 4 && v.isWord(j) && !v.lineStart[j] && orgWord(v, j); j++) {
            last = j;
        }
        return last;
    }

    private void employer(TextView v, int i, List<Candidate> out) {
        int j = i + 1;
        String cue = v.lower(i);
        if ((cue.equals("work") || cue.equals("year")) && !(v.isWord(j)
                && (v.lower(j).equals("at") || v.lower(j).equals("for") || v.lower(j).equals("with")))) {
            return; // "I work for X", "a year at X"; not "work up"
        }
        while (j < v.size && j <= i + 2 && v.isWord(j)
                && Set.of("at", "for", "by", "as", "a", "an", "from", "with", "of").contains(v.lower(j))) {
            j++;
        }
        int first = j;
        int last = -1;
        if (j + 1 < v.size && v.regime[j] == TextView.MIXED && v.isTitle(j) && v.in(j, lex, Lexicons.FUNCTION)
                && v.isWord(j + 1) && orgWord(v, j + 1)) {
            last = j++; // "works for Us News", "at The Home Depot": a capitalised function word opens the name
        }
        while (j < v.size && j < first + 5 && v.isWord(j) && !v.lineStart[j] && orgWord(v, j)) {
            last = j;
            j++;
        }
        if (last >= first) {
            add(out, v, first, last);
        }
    }

    /** "Persint is a German multinational": a capitalised subject described by an organisation noun. */
    private void describedAsOrganization(TextView v, int is, List<Candidate> out) {
        int k = is + 1;
        if (!(v.isWord(k) && (v.lower(k).equals("a") || v.lower(k).equals("an") || v.lower(k).equals("the")))) {
            return;
        }
        boolean kind = false;
        for (int j = k + 1; j < v.size && j <= k + 4 && v.isWord(j); j++) {
            if (KINDS.has(v, j)) {
                kind = true;
                break;
            }
        }
        if (!kind) {
            return;
        }
        int last = is - 1;
        int first = -1;
        for (int j = last; j >= 0 && j > last - 5 && v.isWord(j) && orgWord(v, j); j--) {
            first = j;
            if (v.sentenceStart[j]) {
                break;
            }
        }
        if (first >= 0 && v.sentenceStart[first]) {
            add(out, v, first, last);
        }
    }

    /**
     * "Hanne Kreutzmann from Can Capital is the keynote speaker", "Vilma Holm of Datamade": capitalised
     * words right after a person's name and "from" or "of" name where the person comes from. A known
     * place there is left to the place detector; anything else is taken as an organisation.
     */
    private void affiliation(TextView v, int cue, List<Candidate> out) {
        if (cue == 0 || cue + 1 >= v.size || v.regime[cue + 1] != TextView.MIXED || !nameEndsAt(out, v.end[cue - 1])) {
            return;
        }
        int first = cue + 1;
        if (!v.isWord(first) || (v.flags(first, lex) & (Lexicons.PLACE | Lexicons.COUNTRY)) != 0
                || DEPARTMENTS.has(v, first)) {
            return;
        }
        int last = -1;
        for (int j = first; j < v.size && j < first + 4 && v.isWord(j) && !v.lineStart[j] && orgWord(v, j); j++) {
            last = j;
        }
        if (last >= first) {
            add(out, v, first, last);
        }
    }

    /**
     * "The Lending Club office is at ...", "the Golden Helix orchestra": a capitalised run of up to four words after
     * "the" or at a sentence start, right before a workplace noun. Hospital units ("the ICU staff") and departments
     * are not organisations.
     */
    private void workplace(TextView v, int noun, List<Candidate> out) {
        int last = noun - 1;
        int first = -1;
        for (int j = last; j >= 0 && j > last - 4 && v.isWord(j) && !v.lineStart[j + 1] && orgWord(v, j); j--) {
            String lw = v.lower(j);
            if (UNITS.has(v, j) || DEPARTMENTS.has(v, j) || v.in(j, lex, Lexicons.CLINICAL) || (v.flags(j, lex)
                    & (Lexicons.MONTH | Lexicons.COUNTRY)) != 0) {
                return;
            }
            first = j;
            if (v.sentenceStart[j]) {
                break;
            }
        }
        if (first < 0) {
            return;
        }
        boolean led = v.sentenceStart[first] || first > 0 && v.isWord(first - 1) && v.lower(first - 1).equals("the");
        if (led) {
            add(out, v, first, last);
        }
    }

    /**
     * "Pave's Irena Bila", "Mayo Clinic's Dr. Okafor": a capitalised run that is not itself a person's name, owning
     * a person named right after it, is the person's organisation. Eponyms ("Parkinson's disease") are followed by
     * no name and do not fire.
     */
    private void possessor(TextView v, int apostrophe, List<Candidate> out) {
        int after = apostrophe + 2;
        if (after >= v.size || !personStartsAt(v, after, out)) {
            return;
        }
        int last = apostrophe - 1;
        int first = -1;
        for (int j = last; j >= 0 && j > last - 4 && v.isWord(j) && orgWord(v, j); j--) {
            if ((v.flags(j, lex) & (Lexicons.FIRST | Lexicons.EPONYM)) != 0) {
                return;
            }
            first = j;
            if (v.sentenceStart[j] || v.lineStart[j]) {
                break;
            }
        }
        if (first >= 0 && v.regime[first] == TextView.MIXED) {
            add(out, v, first, last);
        }
    }

    /** True when a title, a detected name, or a first name and a capitalised word begin at {@code i}. */
    private boolean personStartsAt(TextView v, int i, List<Candidate> out) {
        if (!v.isWord(i) || !v.isTitle(i)) {
            return false;
        }
        String lw = v.lower(i);
        if (lw.equals("dr") || lw.equals("mr") || lw.equals("mrs") || lw.equals("ms") || lw.equals("prof")) {
            return true;
        }
        for (Candidate c : out) {
            if (c.category() == PhiCategory.NAME && c.start() == v.start[i]) {
                return true;
            }
        }
        int next = i + 1;
        return (v.flags(i, lex) & Lexicons.FIRST) != 0 && next < v.size && v.isWord(next) && v.isTitle(next);
    }

    private static boolean nameEndsAt(List<Candidate> out, int end) {
        for (Candidate c : out) {
            if (c.category() == PhiCategory.NAME && c.end() == end) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Candidate> out, TextView v, int first, int last) {
        out.add(new Candidate(v.start[first], v.end[last], PhiCategory.ORGANIZATION, Candidate.CONTEXT));
    }
}
