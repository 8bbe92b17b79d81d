package org.clinigate.deid.detect;

import java.util.List;
import java.util.Set;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Finds person names: patients, relatives and clinicians.
 *
 * <p>Three kinds of evidence, strongest first:
 * <ol>
 * <li>Context: a title (Dr., Mrs.), a relation (wife, daughter), a cue (seen by, signed by, Pt name:)
 * or a credential (MD, RN) marks the name-like words next to it.
 * <li>Lexicons: a given name or surname that is not an everyday English word seeds a name, which
 * grows over neighbouring name words, initials and "Last, First" commas.
 * <li>Shape: in mixed-case text, a capitalised word that is in no English, clinical or place list is a
 * guess, kept at the lowest priority.
 * </ol>
 * A guard stops eponyms (Parkinson's disease, Foley catheter, Apgar 9) from being taken as names.
 */
final class NameDetector implements Detector {

    private static final CueSet TITLES = CueSet.of("dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof",
            "professor", "nurse", "rev", "reverend", "sister", "br", "fr", "pastor", "rabbi", "imam", "sgt", "capt",
            "officer", "dra", "sr", "sra", "mme", "mlle", "herr", "frau");
    private static final CueSet RELATIONS = CueSet.of("wife", "husband", "son", "daughter", "mother", "father",
            "mom", "mum", "dad", "brother", "sister", "aunt", "uncle", "niece", "nephew", "grandson",
            "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "partner", "fiance", "fiancee",
            "boyfriend", "girlfriend", "friend", "neighbor", "neighbour", "caregiver", "guardian", "spouse",
            "cousin", "roommate", "stepmother", "stepfather", "stepson", "stepdaughter", "sibling", "child",
            "grandchild", "poa", "hcp", "proxy", "interpreter", "chaplain", "colleague", "coworker", "boss");
    private static final CueSet CREDENTIALS = CueSet.of("md", "do", "rn", "np", "pa", "phd", "dds", "dmd",
            "pharmd", "lcsw", "cna", "lpn", "crna", "dpm", "facs", "facp", "facc", "mph", "bsn", "msn", "aprn",
            "fnp", "dnp", "psyd", "mbbs", "frcp", "frcs", "od", "pt", "dpt", "otr", "slp", "rd", "rrt", "cnm",
            "mbchb", "lmft", "lpc", "mba", "ms", "ma", "msw", "agnp", "anp", "acnp", "cns");
    /** Credentials that are also common abbreviations: only taken after a comma ("Lee, PA"). */
    private static final CueSet COMMA_CREDENTIALS = CueSet.of("pt", "ms", "ma", "do", "od", "rd", "pa", "np", "ot",
            "rn", "cns", "mba");
    private static final CueSet CUE_VERBS = CueSet.of("by", "with", "to");
    private static final CueSet CUE_BEFORE_BY = CueSet.of("seen", "signed", "dictated", "transcribed",
            "reviewed", "examined", "evaluated", "referred", "accompanied", "authored", "approved", "verified",
            "interpreted", "read", "cosigned", "attested", "performed", "treated", "followed", "visited",
            "assisted", "brought", "escorted", "called", "paged", "contacted", "notified", "covered", "discussed",
            "spoke", "talked", "consulted", "met", "caring", "care", "directed", "written", "produced", "hosted",
            "narrated", "played", "sung");
    private static final CueSet COLON_CUES = CueSet.of("patient", "pt", "name", "contact", "provider",
            "physician", "surgeon", "attending", "resident", "fellow", "pcp", "author", "signed", "cc", "from",
            "nurse", "rn", "md", "clinician", "radiologist", "pathologist", "technologist", "tech", "therapist",
            "pharmacist", "dietitian", "caller", "sender", "recipient", "to", "mother", "father", "guardian",
            "referring", "ordering", "consultant", "interpreter", "witness", "spouse", "emergency", "kin", "nok",
            "informant", "historian", "dear", "re", "attn", "attention", "employer", "requested");
    private static final CueSet BARE_CUES = CueSet.of("dear", "pcp", "attending", "sincerely", "regards", "cc",
            "starring", "featuring",
            "per", "thanks", "thank", "hi", "hello", "hey", "named", "called", "regarding", "re", "for", "visit");
    private static final CueSet PARTICLES = CueSet.of("van", "von", "de", "der", "den", "da", "das", "do", "dos",
            "del", "della", "di", "la", "le", "du", "bin", "ibn", "al", "el", "st", "ter", "ten", "mac", "ap");
    private static final CueSet SUFFIXES = CueSet.of("jr", "sr", "ii", "iii", "iv");
    private static final CueSet NOT_NAMES = CueSet.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "hospital", "clinic",
            "street", "avenue", "road", "ok", "okay", "covid", "mrn", "dob", "ssn", "id");

    private static final CueSet MONTH_NAMES = CueSet.of("april", "may", "june", "august");
    private static final CueSet DISEASE_VERBS = CueSet.of("has", "had", "with", "hx", "of", "for", "dx",
            "diagnosed", "early", "suspected", "possible", "probable");

    /** Every word that can open a context cue or is a credential: one test rules out most tokens. */
    private static final CueSet CUE_WORDS = CueSet.union(List.of(TITLES, RELATIONS, CUE_VERBS, COLON_CUES, BARE_CUES,
            CREDENTIALS), "name", "surname", "calls", "call", "called");

    /** Words that are never a name by themselves: the union of the lists above, for one test per token. */
    private static final CueSet LOCAL = CueSet.union(List.of(NOT_NAMES, TITLES, CREDENTIALS, RELATIONS));

    private final Lexicons lex;

    NameDetector(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void detect(TextView v, List<Candidate> out) {
        byte[] role = new byte[v.size];
        classify(v, role);
        int before = out.size();
        contextNames(v, role, out);
        lexiconNames(v, role, out);
        coordinated(v, role, out, before);
    }

    /**
     * Names listed beside a found name ("Usamov and Bowers", "Rudi, Jackson and Campos") are names too,
     * and so is a listed name that someone is addressed by (", Mark!").
     */
    private void coordinated(TextView v, byte[] role, List<Candidate> out, int from) {
        boolean[] name = new boolean[v.size];
        for (int c = from; c < out.size(); c++) {
            Candidate cand = out.get(c);
            for (int k = v.tokenAt(cand.start()); k >= 0 && k < v.size && v.start[k] < cand.end(); k++) {
                name[k] = true;
            }
        }
        for (int i = 0; i < v.size; i++) {
            if (!v.isWord(i) || name[i] || !v.isTitle(i) || v.regime[i] != TextView.MIXED
                    || (role[i] == NONE && v.in(i, lex, Lexicons.ENGLISH))) {
                continue;
            }
            boolean everyday = v.in(i, lex, Lexicons.COMMON);
            boolean listed = joined(v, i, -1, name, everyday) || joined(v, i, +1, name, everyday);
            boolean vocative = role[i] != NONE && v.isPunct(i - 1, ',')
                    && (v.isPunct(i + 1, '!') || v.isPunct(i + 1, '?'));
            if (listed || vocative) {
                emit(out, v, i, i, Candidate.CONTEXT);
                name[i] = true;
            }
        }
    }

    /** True when token {@code i} is joined by a comma, "and" or "&" to a name on side {@code dir}. */
    private static boolean joined(TextView v, int i, int dir, boolean[] name, boolean everyday) {
        int k = i + dir;
        if (k < 0 || k >= v.size) {
            return false;
        }
        // A comma also separates fields ("7 West, St. Anne's"), so an everyday word needs "and".
        boolean joiner = !everyday && (v.isPunct(k, ',') || v.isPunct(k, '&'))
                || v.isWord(k) && (v.lower(k).equals("and") || v.lower(k).equals("or"));
        int n = k + dir;
        return joiner && n >= 0 && n < v.size && name[n] && v.isTitle(n);
    }

    // Token roles.
    private static final byte NONE = 0;
    private static final byte WEAK = 1; // a name list word that is also an everyday word
    private static final byte GUESS = 2; // capitalised word found in no list
    private static final byte STRONG = 3; // a name list word that is not an everyday word

    private void classify(TextView v, byte[] role) {
        for (int i = 0; i < v.size; i++) {
            if (v.type[i] != TextView.WORD) {
                continue;
            }
            int f = v.flags(i, lex);
            if ((f & (Lexicons.FUNCTION | Lexicons.CLINICAL)) != 0 || LOCAL.has(v, i)
                    || (f & Lexicons.US_STATE) != 0 && v.isPunct(i - 1, ',')
                    || (f & Lexicons.EPONYM) != 0 && guardedEponym(v, i, v.lower(i))) {
                continue;
            }
            boolean listed = (f & (Lexicons.FIRST | Lexicons.SURNAME)) != 0;
            // A country that is also a given name (France, Jordan) needs context, like an everyday word.
            boolean common = (f & (Lexicons.COMMON | Lexicons.AMBIGUOUS | Lexicons.COUNTRY)) != 0;
            boolean english = (f & Lexicons.ENGLISH) != 0;
            boolean cased = v.isTitle(i) || (v.isAllUpper(i) && v.length(i) >= 2);
            if (v.regime[i] == TextView.MIXED) {
                if (listed && cased) {
                    role[i] = common ? WEAK : STRONG;
                } else if (listed && !english) {
                    role[i] = WEAK;
                } else if (v.isTitle(i) && v.length(i) >= 2 && !english && (f & Lexicons.PLACE) == 0) {
                    role[i] = GUESS;
                }
            } else if (listed) {
                role[i] = common ? WEAK : STRONG;
            }
        }
    }

    private boolean guardedEponym(TextView v, int i, String lw) {
        if (!v.in(i, lex, Lexicons.EPONYM)) {
            return false;
        }
        boolean listedName = v.in(i, lex, Lexicons.FIRST) || v.in(i, lex, Lexicons.SURNAME);
        int j = i + 1;
        // Skip a possessive 's, an apostrophe, or hyphenated co-eponyms (Guillain-Barre, Swan-Ganz).
        while (j < v.size && j <= i + 4) {
            if (v.isPunct(j, '\'') || v.isPunct(j, '\u2019') || v.isPunct(j, '-')
                    || (v.isWord(j) && v.lower(j).equals("s") && v.adjacent(j - 1))
                    || (v.isWord(j) && v.in(j, lex, Lexicons.EPONYM) && !v.in(j, lex, Lexicons.EPONYM_HEAD))) {
                j++;
            } else {
                break;
            }
        }
        if (j < v.size && v.isWord(j) && v.in(j, lex, Lexicons.EPONYM_HEAD)) {
            return true;
        }
        boolean possessive = j > i + 1 && (v.isPunct(i + 1, '\'') || v.isPunct(i + 1, '\u2019'));
        if (possessive && i > 0 && v.isWord(i - 1) && DISEASE_VERBS.has(v, i - 1)) {
            return true; // "has Parkinson's"
        }
        if (j < v.size && v.type[j] == TextView.NUMBER && !listedName) {
            return true; // Apgar 9, Glasgow 14
        }
        // An eponym that is no one's name in our lists needs strong context to be a name.
        return !listedName;
    }

    /** True when the token can be part of a name once context says a name is here. */
    private boolean nameLike(TextView v, int i, byte[] role) {
        if (!v.isWord(i)) {
            return false;
        }
        String lw = v.lower(i);
        if (MONTH_NAMES.has(v, i) && (v.isTitle(i) || v.regime[i] != TextView.MIXED)
                && !(i + 1 < v.size && v.type[i + 1] == TextView.NUMBER)) {
            return true; // "Daughter June at bedside"; "June 3" stays a date
        }
        if (NOT_NAMES.has(v, i) || TITLES.has(v, i) || RELATIONS.has(v, i)) {
            return false;
        }
        if (role[i] != NONE) {
            return true;
        }
        boolean hyphenated = i + 2 < v.size && v.adjacent(i) && v.isPunct(i + 1, '-') && v.isWord(i + 2);
        if (hyphenated && !lex.isCommon(v.lower(i + 2))) {
            return true;
        }
        boolean titledName = v.regime[i] == TextView.MIXED && v.isTitle(i)
                && (v.in(i, lex, Lexicons.FIRST) || v.in(i, lex, Lexicons.SURNAME));
        if (v.in(i, lex, Lexicons.FUNCTION) && !isInitial(v, i) && !hyphenated && !titledName) {
            return false;
        }
        if (v.regime[i] == TextView.MIXED) {
            return v.isTitle(i) || isInitial(v, i) || v.isAllUpper(i) && !lex.isCommon(lw);
        }
        return !lex.isCommon(lw) || isInitial(v, i);
    }

    private static boolean isInitial(TextView v, int i) {
        return v.length(i) == 1 && Character.isUpperCase(v.text.charAt(v.start[i]));
    }

    private void contextNames(TextView v, byte[] role, List<Candidate> out) {
        for (int i = 0; i < v.size; i++) {
            if (v.type[i] == TextView.WORD) {
                if (!CUE_WORDS.has(v, i)) {
                    continue;
                }
                String lw = v.lower(i);
                int after = cueEnd(v, i, lw);
                if (after > 0) {
                    boolean colon = v.isPunct(after - 1, ':') || v.isPunct(after - 1, '#') || v.isPunct(after - 1, '=');
                    int end = takeForward(v, after, role, colon ? "name" : lw);
                    if (end > after) {
                        emit(out, v, after, end - 1, Candidate.CONTEXT);
                    }
                }
                if (CREDENTIALS.has(v, i) && credentialShape(v, i)) {
                    int first = takeBackward(v, i - 1, role);
                    if (first >= 0) {
                        emit(out, v, first, lastNameToken(v, i - 1), Candidate.CONTEXT);
                    }
                }
            }
        }
    }

    /** Returns the index of the first token after a cue ending at token i, or -1. */
    private int cueEnd(TextView v, int i, String lw) {
        int j = i + 1;
        if (TITLES.has(v, i)) {
            if (v.isPunct(j, '.')) {
                j++;
            }
            return j;
        }
        if (RELATIONS.has(v, i)) {
            while (j < v.size && (v.isPunct(j, ',') || v.isPunct(j, ':') || v.isPunct(j, '(') || v.isPunct(j, '-')
                    || (v.isWord(j) && (v.lower(j).equals("is") || v.lower(j).equals("named"))))) {
                j++;
            }
            return j;
        }
        if (CUE_VERBS.has(v, i) && i > 0 && v.isWord(i - 1) && CUE_BEFORE_BY.has(v, i - 1)) {
            if (v.isPunct(j, ':')) {
                j++;
            }
            return j;
        }
        if ((lw.equals("name") || lw.equals("surname")) && j < v.size) {
            // "my name is vitoria", "maiden name was Key", "What's your last name? Magnusson"
            if (v.isWord(j) && (v.lower(j).equals("is") || v.lower(j).equals("was"))) {
                return j + 1;
            }
            if (v.isPunct(j, '?') && j + 1 < v.size && !v.lineStart[j + 1]) {
                return j + 1;
            }
        }
        if ((lw.equals("calls") || lw.equals("call") || lw.equals("called")) && v.isWord(j)
                && v.lower(j).equals("me")) {
            return j + 1; // "everyone calls me borna"
        }
        if (COLON_CUES.has(v, i) || lw.equals("name")) {
            int k = j;
            if (v.isWord(k) && v.lower(k).equals("name")) {
                k++;
            }
            if (v.isPunct(k, ':') || v.isPunct(k, '#') || v.isPunct(k, '=')) {
                return k + 1;
            }
        }
        if (BARE_CUES.has(v, i)) {
            return j;
        }
        return -1;
    }

    /** Collects name-like tokens starting at {@code i}; returns the index after the last one taken. */
    private int takeForward(TextView v, int i, byte[] role, String cue) {
        boolean strongCue = !BARE_CUES.contains(cue) || cue.equals("dear") || cue.equals("named");
        int taken = 0;
        int j = i;
        int last = -1;
        boolean comma = false;
        while (j < v.size && taken < 4) {
            if (!nameLike(v, j, role)) {
                break;
            }
            if (!strongCue && role[j] != STRONG && role[j] != GUESS && !(role[j] == WEAK && v.isTitle(j))) {
                break;
            }
            last = j;
            taken++;
            int k = j + 1;
            if (k < v.size && (v.lineStart[k] || wideGap(v, j))) {
                break; // a line break or a column gap ends a name
            }
            if (v.isPunct(k, '.') && v.length(j) <= 2) {
                k++; // initial, or abbreviated given name
            }
            if ((v.isPunct(k, '-') || v.isPunct(k, '^')) && v.adjacent(k - 1) && v.adjacent(k)) {
                k++;
            } else if (v.isPunct(k, ',') && !comma && taken == 1 && nameLike(v, k + 1, role)
                    && (role[k + 1] != NONE || isInitial(v, k + 1))) {
                comma = true;
                k++;
            }
            if (k < v.size && v.lineStart[k]) {
                break;
            }
            j = k;
        }
        if (last < 0) {
            return i;
        }
        return suffixEnd(v, last) + 1;
    }

    private int suffixEnd(TextView v, int last) {
        int k = last + 1;
        if (v.isPunct(k, ',')) {
            k++;
        }
        if (v.isWord(k) && SUFFIXES.has(v, k) && !v.lineStart[k]) {
            return k;
        }
        return last;
    }

    private boolean credentialShape(TextView v, int i) {
        if (COMMA_CREDENTIALS.has(v, i) && !v.isPunct(i - 1, ',')) {
            return false;
        }
        if (v.regime[i] == TextView.MIXED && !v.isAllUpper(i)) {
            return v.lower(i).equals("phd") || v.lower(i).equals("pharmd") || v.lower(i).equals("psyd");
        }
        return i > 0 && (v.isPunct(i - 1, ',') || v.isWord(i - 1)) && !v.lineStart[i];
    }

    /** Walks back from a credential over name-like tokens; returns the first index, or -1. */
    private int takeBackward(TextView v, int i, byte[] role) {
        int j = i;
        if (v.isPunct(j, ',')) {
            j--;
        }
        int first = -1;
        int taken = 0;
        while (j >= 0 && taken < 4 && nameLike(v, j, role) && !CREDENTIALS.has(v, j)) {
            first = j;
            taken++;
            if (v.lineStart[j]) {
                break;
            }
            int k = j - 1;
            if (v.isPunct(k, '.') && k > 0 && v.length(k - 1) <= 2) {
                k--;
            }
            if (v.isPunct(k, '-') && v.adjacent(k) && k > 0 && v.adjacent(k - 1)) {
                k--;
            }
            j = k;
        }
        return first;
    }

    private int lastNameToken(TextView v, int i) {
        int j = i;
        while (j >= 0 && !v.isWord(j)) {
            j--;
        }
        return j;
    }

    private void lexiconNames(TextView v, byte[] role, List<Candidate> out) {
        int i = 0;
        while (i < v.size) {
            if (role[i] == NONE) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            boolean strong = role[i] == STRONG;
            int parts = 1;
            int j = i;
            while (true) {
                int k = joinNext(v, j, role);
                if (k < 0) {
                    break;
                }
                j = k;
                last = k;
                parts++;
                strong |= role[k] == STRONG;
            }
            if (strong || (parts >= 2 && hasFirstAndLast(v, first, last, role))) {
                emit(out, v, first, suffixEnd(v, last), Candidate.LEXICON);
            } else if (parts == 1 && role[i] == WEAK && v.isTitle(i) && possessive(v, i)) {
                emit(out, v, first, last, Candidate.LEXICON); // "Iris's pain"
            } else if (parts == 1 && role[i] == GUESS && !alone(v, i, role)) {
                emit(out, v, first, last, Candidate.GUESS);
            } else if (parts >= 2 && allGuessOrWeak(role, v, first, last)) {
                emit(out, v, first, last, Candidate.GUESS);
            }
            i = last + 1;
        }
    }

    /**
     * A lone capitalised guess at the start of a sentence is usually an ordinary word, unless it is
     * possessive, speaks ("Ubul: What a wife"), is addressed ("Vide, can I"), or is the subject of a
     * verb that people take ("Asya spent a year", "Shovda is very reliable").
     */
    private static boolean alone(TextView v, int i, byte[] role) {
        if (!v.sentenceStart[i] || possessive(v, i)) {
            return false;
        }
        int k = i + 1;
        if (k >= v.size || v.lineStart[k]) {
            return true;
        }
        if (v.isPunct(k, ':') && k + 1 < v.size && !v.lineStart[k + 1]
                && (v.isWord(k + 1) && Character.isUpperCase(v.text.charAt(v.start[k + 1]))
                        || v.isPunct(k + 1, '"') || v.isPunct(k + 1, '\u201c'))) {
            return false; // a speaker: "Ubul: What a wife", not a header such as "Tel: 555"
        }
        if (v.isPunct(k, ',') && k + 1 < v.size && v.isWord(k + 1)
                && (ADDRESSED.has(v, k + 1) || role[k + 1] != NONE && v.isTitle(k + 1))) {
            return false; // "Kuba, can I", "Kateřina, James, Christopher"
        }
        if (v.isWord(k) && v.lower(k).equals("and") && k + 2 < v.size && v.isWord(k + 1) && v.isTitle(k + 1)
                && v.isWord(k + 2) && PERSON_VERBS.has(v, k + 2)) {
            return false; // "Usamov and Bowers were"
        }
        return !(v.isWord(k) && PERSON_VERBS.has(v, k));
    }

    /** Verbs whose subject is nearly always a person when it is an unknown capitalised word. */
    private static final CueSet PERSON_VERBS = CueSet.of("is", "was", "has", "had", "will", "would", "can",
            "could", "did", "does", "said", "says", "spent", "shouted", "lives", "lived", "began", "went", "told",
            "asked", "called", "wrote", "works", "worked", "got", "came", "took", "gave", "knows", "seems", "likes",
            "loves", "wants", "thinks", "believes", "replied", "answered", "smiled", "laughed", "cried", "joined",
            "left", "arrived", "studied", "grew", "moved", "married", "died", "felt", "feels", "reports", "reported",
            "states", "stated", "denies", "denied", "presents", "presented", "complains", "complained", "were", "are",
            "have");
    /** Words that follow a name in direct address: "Kuba, can I please speak to you?" */
    private static final CueSet ADDRESSED = CueSet.of("can", "could", "would", "will", "please", "i", "you",
            "we", "do", "did", "are", "is", "what", "where", "when", "how", "why", "thank", "thanks", "listen", "look",
            "come", "wait", "stop", "remember", "tell");

    private static boolean possessive(TextView v, int i) {
        return i + 2 < v.size && (v.isPunct(i + 1, '\'') || v.isPunct(i + 1, '\u2019')) && v.isWord(i + 2)
                && v.lower(i + 2).equals("s");
    }

    private boolean allGuessOrWeak(byte[] role, TextView v, int first, int last) {
        int guesses = 0;
        for (int k = first; k <= last; k++) {
            if (v.isWord(k) && role[k] == GUESS) {
                guesses++;
            }
        }
        return guesses > 0;
    }

    private boolean hasFirstAndLast(TextView v, int first, int last, byte[] role) {
        boolean f = false;
        boolean l = false;
        for (int k = first; k <= last; k++) {
            if (v.isWord(k) && role[k] != NONE) {
                String lw = v.lower(k);
                f |= v.in(k, lex, Lexicons.FIRST);
                l |= v.in(k, lex, Lexicons.SURNAME) || role[k] == GUESS;
            }
        }
        boolean cased = v.regime[first] != TextView.MIXED || v.isTitle(first) || v.isAllUpper(first);
        return f && l && cased;
    }

    private static boolean wideGap(TextView v, int j) {
        return j + 1 < v.size && v.start[j + 1] - v.end[j] >= 2
                && v.text.substring(v.end[j], v.start[j + 1]).isBlank();
    }

    /** The index of the next name part joined to token {@code j}, or -1. */
    private int joinNext(TextView v, int j, byte[] role) {
        int k = j + 1;
        if (k >= v.size || v.lineStart[k] || wideGap(v, j)) {
            return -1;
        }
        if (v.isPunct(k, '.') && v.length(j) == 1) {
            k++; // J. Smith
        } else if ((v.isPunct(k, '-') || v.isPunct(k, '^')) && v.adjacent(j) && v.adjacent(k)) {
            k++;
        } else if (v.isPunct(k, ',') && k + 1 < v.size && v.isWord(k + 1)
                && v.in(k + 1, lex, Lexicons.FIRST) && role[k + 1] != NONE
                && (v.isAllUpper(j) || role[j] == STRONG)
                && v.isAllUpper(j) == v.isAllUpper(k + 1)) {
            k++; // SMITH, JOHN
        }
        if (k >= v.size || v.lineStart[k] || !v.isWord(k)) {
            return -1;
        }
        if (role[k] != NONE || isInitial(v, k) && k + 1 < v.size && v.isPunct(k + 1, '.')) {
            return k;
        }
        if (surnameAfterFirstName(v, j, k)) {
            return k; // "Ada Quill": a capitalised everyday word right after a given name is the surname
        }
        if (PARTICLES.has(v, k) && k + 1 < v.size && role[k + 1] != NONE) {
            return k + 1;
        }
        return -1;
    }

    /**
     * True when token {@code j} is a given name written in title case in cased text and token {@code k}, right after
     * it, is a capitalised word that could be a surname although it is also an everyday English word (Quill, Baker,
     * Rivers): not a function, clinical, organisation, street, month or state word, and not one of the local lists.
     */
    private boolean surnameAfterFirstName(TextView v, int j, int k) {
        if (k != j + 1 || v.regime[j] != TextView.MIXED || v.regime[k] != TextView.MIXED || !v.isTitle(j)
                || !v.isTitle(k) || v.length(k) < 2 || !v.in(j, lex, Lexicons.FIRST)) {
            return false;
        }
        String lk = v.lower(k);
        int f = v.flags(k, lex);
        return (f & (Lexicons.FUNCTION | Lexicons.CLINICAL | Lexicons.ORGANIZATION | Lexicons.ORGANIZATION_START
                | Lexicons.STREET_TYPE | Lexicons.MONTH | Lexicons.US_STATE | Lexicons.COUNTRY)) == 0
                && !LOCAL.has(v, k);
    }

    private static void emit(List<Candidate> out, TextView v, int firstToken, int lastToken, int priority) {
        int s = v.start[firstToken];
        int e = v.end[lastToken];
        if (e > s) {
            out.add(new Candidate(s, e, PhiCategory.NAME, priority));
        }
    }
}
