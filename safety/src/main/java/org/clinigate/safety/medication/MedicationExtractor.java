package org.clinigate.safety.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.safety.text.Folding;
import org.clinigate.safety.text.Sentences;

/**
 * Extracts drug, dose, unit, route and frequency from free text: "acetaminophen 1000 mg PO q6h", "give 15 mg/kg",
 * "ibuprofen 800mg three times daily", "methotrexate 10 mg daily", "1 g of amoxicillin twice a day", "max 4 g/day".
 *
 * <p>A dose belongs to the nearest drug named before it in the same sentence (within 80 characters), or to a drug
 * named right after it ("1 g of acetaminophen"). Doses in other units (mL, units, puffs), rates (mcg/kg/min, mcg/h),
 * concentrations (250 mg/5 mL) and doses by body surface (mg/m2) are left out: their limits need facts the text does
 * not give. Combination strengths ("5/325 mg") are left out too. Stateless and thread safe.
 */
public final class MedicationExtractor {

    private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+";

    /**
     * number, optional range, unit, optional per-kg, optional per-day/per-week/per-dose. Tried only where a number
     * starts (see {@link #numberStarts}), which is much cheaper than letting the engine try every position.
     */
    private static final Pattern DOSE = Pattern.compile("(" + NUM + ")(?:\\s*(?:-|to)\\s*(" + NUM
            + "))?\\s*(mg|milligrams?|mcg|micrograms?|\u00b5g|ug|g|gm|grams?)(?![a-z\u00b5])"
            + "(\\s*(?:/|per)\\s*(?:kg|kilogram)\\b)?"
            + "(\\s*(?:/|per|a|each)\\s*(?:day|d|24\\s*h(?:ours?|rs?)?)\\b|\\s+daily\\s+total\\b)?"
            + "(\\s*(?:/|per|a|each)\\s*(?:week|wk)\\b)?"
            + "(\\s*(?:/|per)\\s*(?:dose)\\b)?");

    /** What follows a unit when the amount is a rate, a concentration or by body surface. */
    private static final Pattern UNSUPPORTED_SUFFIX = Pattern.compile(
            "\\A\\s*(?:/|per)\\s*(?:\\d+(?:\\.\\d+)?\\s*)?(?:ml|l\\b|m2|m\u00b2|m\\^2|sq|h\\b|hr|hour|min|minute)");

    private static final Pattern ORAL = Pattern.compile("\\b(?:po|p\\.o\\.|by mouth|orally|oral|tablets?|tabs?|caps"
            + "|capsules?|suspension|elixir|syrup|chewable|liquid)\\b");
    private static final Pattern PARENTERAL = Pattern.compile("\\b(?:iv|i\\.v\\.|ivp|intravenous(?:ly)?|im|i\\.m\\."
            + "|intramuscular(?:ly)?|sc|s\\.c\\.|sq|subq|subcut(?:aneous(?:ly)?)?|injection|injected|inject|infusion"
            + "|infused|bolus|push)\\b");
    private static final Pattern LIMIT = Pattern.compile("\\b(?:max(?:imum)?|up to|at most|no more than|not more than"
            + "|(?:do not|don't|never|not to|should not|must not|shouldn't|mustn't)\\s+(?:\\w+\\s+){0,2}?(?:exceed"
            + "|more than)|not exceeding|ceiling|limit(?:ed)? to|capped at|titrate(?:d)? to)\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:never|avoid(?:ing|ed)?|do not|don't|must not"
            + "|mustn't|should not|shouldn't|cannot|can't|not recommended|contraindicated)\\b");
    private static final Pattern REPORTED = Pattern.compile("\\b(?:overdos(?:e|ed|es|ing)|took|had taken|ingest(?:ed"
            + "|ion)|swallowed|poisoning|lethal|fatal dose|toxic dose|serum (?:level|concentration)|levels? (?:of|was"
            + "|were)|history of|(?:reported|reports|admitted|admits|describes|described|denies|denied)\\s+(?:to\\s+)?"
            + "(?:taking|ingesting|using|having taken))\\b");
    private static final Pattern ONLY_BETWEEN = Pattern.compile("\\A\\s*(?:of\\s+)?(?:(?:oral|iv|po|im|sc|liquid"
            + "|extended-release|immediate-release|er|xr|ir|sr|tablets?|capsules?|dose of|doses of)\\s+)*(?:of\\s+)?\\z");

    private static final int BACK_WINDOW = 80;
    private static final int AHEAD_WINDOW = 30;
    private static final int FREQUENCY_WINDOW = 50;

    private final DrugLexicon lexicon;

    public MedicationExtractor(DrugLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** What one text holds: every drug named, and every dose with what could be told about it. */
    public record Extraction(List<DrugMention> drugs, List<DoseMention> doses) {
        public Extraction {
            drugs = List.copyOf(drugs);
            doses = List.copyOf(doses);
        }
    }

    /** Extracts from raw text. */
    public Extraction extract(String text) {
        return extract(Folding.fold(text), Sentences.split(text));
    }

    /** Extracts from an already folded text and its sentences (see {@link Folding}, {@link Sentences}). */
    public Extraction extract(String folded, List<int[]> sentences) {
        List<DrugMention> drugs = lexicon.find(folded);
        List<Matcher> raw = new ArrayList<>();
        int covered = 0;
        for (int start : numberStarts(folded)) {
            if (start < covered) {
                continue; // the upper end of a range already read ("1-2 g")
            }
            Matcher m = DOSE.matcher(folded).region(start, folded.length());
            if (m.lookingAt()) {
                raw.add(m);
                covered = m.end();
            }
        }
        List<DoseMention> doses = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Matcher m = raw.get(k);
            int nextDose = k + 1 < raw.size() ? raw.get(k + 1).start() : folded.length();
            String tail = folded.substring(m.end(), Math.min(folded.length(), m.end() + 16));
            if (UNSUPPORTED_SUFFIX.matcher(tail).find()) {
                continue;
            }
            int[] sentence = sentenceAt(sentences, m.start(), folded.length());
            doses.add(mention(folded, m, sentence, drugs, nextDose));
        }
        return new Extraction(drugs, doses);
    }

    private DoseMention mention(String f, Matcher m, int[] sentence, List<DrugMention> drugs, int nextDose) {
        String number = m.group(2) != null ? m.group(2) : m.group(1);
        double amount = parse(number);
        String unit = unit(m.group(3));
        double factor = switch (unit) {
            case "mcg" -> 0.001;
            case "g" -> 1000;
            default -> 1;
        };
        DrugMention drug = owner(f, m.start(), m.end(), sentence, drugs);
        DoseMention.Period period = m.group(5) != null
                ? DoseMention.Period.DAY
                : m.group(6) != null ? DoseMention.Period.WEEK : DoseMention.Period.DOSE;
        int windowEnd = Math.min(Math.min(sentence[1], nextDose), m.end() + FREQUENCY_WINDOW);
        int nextDrug = nextDrugAfter(drugs, m.end());
        if (nextDrug >= 0 && nextDrug < windowEnd) {
            windowEnd = nextDrug;
        }
        Frequency.Found freq = period == DoseMention.Period.DOSE && windowEnd > m.end()
                ? Frequency.find(f, m.end(), windowEnd)
                : null;
        int spanEnd = freq == null ? m.end() : Math.max(m.end(), freq.end());
        int routeFrom = drug != null && drug.start() < m.start() ? drug.end() : m.start();
        Route route = route(f, routeFrom, Math.max(windowEnd, m.end()));
        // What governs the dose is written just before it, or just before its drug's name.
        int anchor = drug != null && drug.start() < m.start() ? drug.start() : m.start();
        int preFrom = Math.max(sentence[0], anchor - 25);
        String before = f.substring(preFrom, m.start());
        boolean limit = LIMIT.matcher(before).find();
        boolean negated = !limit && NEGATION.matcher(before).find();
        boolean reported = REPORTED.matcher(f).region(sentence[0], sentence[1]).find();
        return new DoseMention(drug == null ? null : drug.drug(), drug == null ? -1 : drug.start(), m.start(), m.end(),
                spanEnd, number, amount, unit, amount * factor, m.group(4) != null, period, freq == null
                        ? null
                        : freq.perDay(),
                freq != null && freq.weekly(), route, limit, negated, reported);
    }

    /**
     * Where a number may start a dose: a digit, or a dot before a digit, not preceded by a word character, a dot, a
     * slash or a comma (so not inside "5/325", "1.5" or "1,000", nor glued to a word like "b12").
     */
    private static List<Integer> numberStarts(String f) {
        List<Integer> out = new ArrayList<>();
        int n = f.length();
        for (int i = 0; i < n; i++) {
            char c = f.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean dot = c == '.' && i + 1 < n && f.charAt(i + 1) >= '0' && f.charAt(i + 1) <= '9';
            if (!digit && !dot) {
                continue;
            }
            char p = i > 0 ? f.charAt(i - 1) : ' ';
            boolean glued = Character.isLetterOrDigit(p) || p == '_' || p == '.' || p == '/' || p == ',';
            if (!glued) {
                out.add(i);
            }
            while (i + 1 < n && (Character.isLetterOrDigit(f.charAt(i + 1)) || f.charAt(i + 1) == '.' || f.charAt(
                    i + 1) == ',')) {
                i++; // the rest of this token cannot start another number
            }
        }
        return out;
    }

    /** The drug a dose belongs to: one named right after it ("1 g of X"), else the nearest before it. */
    private static DrugMention owner(String f, int start, int end, int[] sentence, List<DrugMention> drugs) {
        int k = firstAtOrAfter(drugs, end);
        if (k < drugs.size()) {
            DrugMention after = drugs.get(k);
            if (after.start() - end <= AHEAD_WINDOW && after.start() < sentence[1] && ONLY_BETWEEN.matcher(f
                    .substring(end, after.start())).find()) {
                return after;
            }
        }
        if (k > 0) {
            DrugMention before = drugs.get(k - 1);
            if (before.end() <= start && before.start() >= sentence[0] && start - before.end() <= BACK_WINDOW) {
                return before;
            }
        }
        return null;
    }

    private static int nextDrugAfter(List<DrugMention> drugs, int offset) {
        int k = firstAtOrAfter(drugs, offset);
        return k < drugs.size() ? drugs.get(k).start() : -1;
    }

    /** The index of the first drug that starts at or after {@code offset} (drugs are in text order). */
    private static int firstAtOrAfter(List<DrugMention> drugs, int offset) {
        int lo = 0;
        int hi = drugs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (drugs.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Route route(String f, int from, int to) {
        if (PARENTERAL.matcher(f).region(from, to).find()) {
            return Route.PARENTERAL;
        }
        return ORAL.matcher(f).region(from, to).find() ? Route.ORAL : Route.ANY;
    }

    private static String unit(String u) {
        if (u.startsWith("mcg") || u.startsWith("micro") || u.startsWith("\u00b5") || u.equals("ug")) {
            return "mcg";
        }
        if (u.startsWith("mg") || u.startsWith("milli")) {
            return "mg";
        }
        return "g";
    }

    private static double parse(String number) {
        return Double.parseDouble(number.replace(",", ""));
    }

    private static int[] sentenceAt(List<int[]> sentences, int offset, int length) {
        return Sentences.at(sentences, offset, length);
    }
}
