package org.clinigate.knowledge.terminology.labs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clinigate.knowledge.terminology.CodeMatch;
import org.clinigate.knowledge.terminology.DrugMatch;
import org.clinigate.knowledge.terminology.Terminology;

/**
 * Builds a {@link PatientContext} from plain lists extracted from a note: problems as written ("DM2 w/ neuropathy"),
 * medications as written ("metformin 500 mg bid") and labs by name ("a1c") or LOINC code with their dates.
 *
 * <p>A problem becomes the ICD-10-CM code the terminology's normalizer ranks first when its score reaches
 * {@value #MIN_SCORE}; a medication becomes its RxNorm ingredient, or stays a name (which rules still match by
 * word) when RxNorm is not loaded or does not know it. Lab names are the rule file's lab ids and aliases. Problems,
 * medications and labs that cannot be read are left out and counted in {@link Result#unread()}. Thread safe.
 */
public final class NoteLists {

    /** The lowest normalizer score at which a problem is taken as coded. */
    public static final double MIN_SCORE = 0.6;

    /**
     * The context and what could not be read.
     *
     * @param context the patient context
     * @param unread how many list items were left out
     */
    public record Result(PatientContext context, int unread) {
        public Result {
            Objects.requireNonNull(context, "context");
        }
    }

    private NoteLists() {
    }

    /**
     * Builds the context.
     *
     * @param problems problems as written
     * @param medications medications as written
     * @param labs lab name or LOINC code, and the day of the latest result
     * @param asOf the day to evaluate for
     */
    public static Result context(List<String> problems, List<String> medications, Map<String, LocalDate> labs,
            LocalDate asOf, Terminology terminology, MissingLabRules rules) {
        int unread = 0;
        List<PatientContext.Problem> coded = new ArrayList<>();
        for (String p : problems) {
            Optional<CodeMatch> top = terminology.icd().flatMap(n -> n.normalize(p, 1).stream().findFirst()).filter(
                    m -> m.score() >= MIN_SCORE);
            if (top.isPresent()) {
                coded.add(new PatientContext.Problem(PatientContext.ProblemSystem.ICD10CM, top.get().code(),
                        Optional.empty()));
            } else {
                unread++;
            }
        }
        List<PatientContext.Medication> meds = new ArrayList<>();
        for (String m : medications) {
            Optional<DrugMatch> drug = terminology.drugs().flatMap(d -> d.normalize(m));
            meds.add(drug.map(d -> new PatientContext.Medication(Optional.of(d.ingredient().rxcui()), d.ingredient()
                    .name(), Optional.<LocalDate>empty())).orElseGet(() -> new PatientContext.Medication(Optional
                            .empty(), m, Optional.empty())));
        }
        List<PatientContext.LabResult> results = new ArrayList<>();
        for (Map.Entry<String, LocalDate> e : labs.entrySet()) {
            String key = e.getKey().strip();
            if (key.matches("\\d{1,7}-\\d")) {
                results.add(new PatientContext.LabResult(key, e.getValue()));
                continue;
            }
            Optional<LabGroup> group = rules.labNamed(key);
            if (group.isEmpty()) {
                unread++;
                continue;
            }
            for (String loinc : group.get().loinc()) {
                results.add(new PatientContext.LabResult(loinc, e.getValue()));
            }
        }
        return new Result(new PatientContext(asOf, coded, meds, results), unread);
    }
}
