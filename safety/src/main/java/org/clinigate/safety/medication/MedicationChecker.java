package org.clinigate.safety.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.clinigate.core.rails.RailContext;
import org.clinigate.safety.text.Folding;
import org.clinigate.safety.text.Sentences;

/**
 * Checks the medication in a text against the dose table and the interaction table: overdoses (single, and daily or
 * weekly from the frequency), tenfold and mg/mcg errors, paediatric excesses (the patient's age, and weight when
 * given, come from the {@link RailContext}), weekly drugs written daily, error-prone notation, and dangerous pairs.
 *
 * <p>Doses stated as limits ("do not exceed 4 g/day") are checked as limits; doses advised against ("never give")
 * or reported ("took 20 g") are not checked. A pair is not flagged when the text warns about it in the sentence of
 * either drug ("avoid NSAIDs with warfarin"). Immutable and thread safe.
 */
public final class MedicationChecker {

    private static final Pattern WARNED = Pattern.compile("\\b(?:avoid\\w*|do not|don't|never|contraindicat\\w*"
            + "|interact\\w*|bleeding risk|risk of|instead of|rather than|stop\\w*|discontinu\\w*|hold|held|caution"
            + "|allerg\\w*|serotonin syndrome|alternative|switch\\w*)\\b");
    private static final Pattern TRAILING_ZERO = Pattern.compile("\\d+\\.0+");

    private final DoseTable doses;
    private final Interactions interactions;
    private final MedicationExtractor extractor;

    public MedicationChecker(DoseTable doses, Interactions interactions) {
        this.doses = Objects.requireNonNull(doses, "doses");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.extractor = new MedicationExtractor(new DrugLexicon(doses, interactions));
    }

    /** The bundled tables. */
    public static MedicationChecker defaults() {
        return new MedicationChecker(DoseTable.defaults(), Interactions.defaults());
    }

    public MedicationExtractor extractor() {
        return extractor;
    }

    public DoseTable doses() {
        return doses;
    }

    public Interactions interactions() {
        return interactions;
    }

    /** Checks raw text. */
    public List<MedFinding> check(String text, RailContext context) {
        return check(Folding.fold(text), Sentences.split(text), context);
    }

    /** Checks an already folded text with its sentences; findings are in text order per kind. */
    public List<MedFinding> check(String folded, List<int[]> sentences, RailContext context) {
        MedicationExtractor.Extraction ex = extractor.extract(folded, sentences);
        List<MedFinding> out = new ArrayList<>();
        for (DoseMention m : ex.doses()) {
            Drug d = m.drug() == null ? null : doses.drug(m.drug()).orElse(null);
            if (d == null) {
                continue;
            }
            notation(d, m, out);
            if (m.negated() || m.reported()) {
                continue;
            }
            DoseJudge.judge(d, m, context).ifPresent(out::add);
            interval(d, m, out);
        }
        pairs(folded, sentences, ex.drugs(), out);
        return out;
    }

    private static void notation(Drug d, DoseMention m, List<MedFinding> out) {
        if (m.number().startsWith(".")) {
            out.add(new MedFinding(MedCheck.NOTATION, m.start(), m.end(), d.name()
                    + " dose written without a leading zero; write 0.x so it is not read as ten times more"
                    + " (ISMP and Joint Commission do-not-use list)"));
        } else if (TRAILING_ZERO.matcher(m.number()).matches()) {
            out.add(new MedFinding(MedCheck.NOTATION, m.start(), m.end(), d.name()
                    + " dose written with a trailing zero; drop it so the decimal point cannot be missed"
                    + " (ISMP and Joint Commission do-not-use list)"));
        }
    }

    private static void interval(Drug d, DoseMention m, List<MedFinding> out) {
        if (!d.weekly() || m.limitStatement() || m.weeklySchedule()) {
            return;
        }
        boolean daily = m.period() == DoseMention.Period.DAY || (m.dosesPerDay() != null && m.dosesPerDay() >= 1);
        if (daily) {
            out.add(new MedFinding(MedCheck.INTERVAL, m.flagStart(), m.spanEnd(), d.name()
                    + " is dosed once weekly outside cancer treatment; a daily schedule has caused fatal overdoses ("
                    + d.source() + ")"));
        }
    }

    private void pairs(String folded, List<int[]> sentences, List<DrugMention> drugs, List<MedFinding> out) {
        List<DrugMention> advised = new ArrayList<>();
        for (DrugMention dm : drugs) {
            int[] s = sentenceAt(sentences, dm.start(), folded.length());
            if (!WARNED.matcher(folded).region(s[0], s[1]).find()) {
                advised.add(dm);
            }
        }
        for (InteractionPair p : interactions.pairs()) {
            DrugMention a = first(advised, p.first(), null);
            DrugMention b = a == null ? null : first(advised, p.second(), a.drug());
            if (a == null || b == null) {
                continue;
            }
            DrugMention later = a.start() > b.start() ? a : b;
            DrugMention earlier = later == a ? b : a;
            out.add(new MedFinding(MedCheck.INTERACTION, later.start(), later.end(), earlier.drug() + " with "
                    + later.drug() + ": " + p.risk() + " (" + p.citations().get(0).shortForm() + ")"));
        }
    }

    private static DrugMention first(List<DrugMention> drugs, java.util.Set<String> group, String not) {
        for (DrugMention d : drugs) {
            if (group.contains(d.drug()) && !d.drug().equals(not)) {
                return d;
            }
        }
        return null;
    }

    private static int[] sentenceAt(List<int[]> sentences, int offset, int length) {
        return Sentences.at(sentences, offset, length);
    }
}
