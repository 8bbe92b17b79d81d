package org.clinigate.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;

/**
 * Turns signed drafts into examples: the task's instruction as the system turn, the de-identified input the model
 * was given as the user turn, and the reviewer's final text (not the model's original) as the assistant's target.
 * Only {@code FINAL} drafts are used; a draft whose input was not kept cannot become an example and is counted.
 * Drafts in one patient scope share a split group, so a patient never lands in both train and eval.
 */
final class DraftExamples {

    /** What the gateway's tasks ask of the model, in training form. */
    static final Map<String, String> INSTRUCTIONS = Map.of(
            "note-summary", "Summarize the clinical note into HPI, Medications, Allergies, Labs, Assessment and Plan."
                    + " Use only facts stated in the note.",
            "ask", "Answer the clinical question from the numbered sources, citing them as [n]. Say when the sources"
                    + " do not answer it.",
            "radiology-draft", "Draft Findings, Impression and Comparison for the radiology study described. This is"
                    + " not a diagnostic report. A radiologist must review the images.");

    /**
     * @param examples the examples made
     * @param withoutInput signed drafts skipped because their input was not kept
     * @param notSigned drafts skipped because they are not final
     */
    record Result(List<Example> examples, int withoutInput, int notSigned) {
    }

    private DraftExamples() {
    }

    static Result from(List<Draft> drafts, Function<Draft, Optional<String>> inputOf) {
        List<Example> out = new ArrayList<>();
        int noInput = 0;
        int notSigned = 0;
        for (Draft d : drafts) {
            if (d.status() != DraftStatus.FINAL) {
                notSigned++;
                continue;
            }
            Optional<String> input = inputOf.apply(d).filter(s -> !s.isBlank());
            if (input.isEmpty() || d.text().isBlank()) {
                noInput++;
                continue;
            }
            String group = d.scopeHash() != null ? d.scopeKind() + ":" + d.scopeHash() : "draft:" + d.id();
            List<Example.Turn> turns = List.of(
                    new Example.Turn("system", INSTRUCTIONS.getOrDefault(d.task(), "Complete the clinical task.")),
                    new Example.Turn("user", input.get()), new Example.Turn("assistant", d.text()));
            out.add(new Example(d.id(), group, "drafts", turns));
        }
        return new Result(out, noInput, notSigned);
    }
}
