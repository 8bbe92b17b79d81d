package org.clinigate.eval.grade;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How one reply was graded.
 *
 * @param status {@code ok}, or {@code grader_error} when a grader endpoint failed or answered garbage (the item is
 *     left out of scores and counted on its own)
 * @param extracted what was read from the reply: an option letter, yes/no/maybe, or a behaviour; null when none
 * @param correct for binary grades (multiple choice, yes/no/maybe, red team pass), else null
 * @param score in [0, 1]; 1 or 0 for binary grades; null on a grader error
 * @param parts named numbers for sub-metrics (an axis score, entity counts, citation counts)
 * @param labels named strings for reports (expected and actual behaviour)
 * @param error a CG code and short reason when the status is not ok; never reply text
 */
public record Grade(String status, String extracted, Boolean correct, Double score, Map<String, Double> parts,
        Map<String, String> labels, String error) {

    public static final String OK = "ok";
    public static final String GRADER_ERROR = "grader_error";

    public Grade {
        Objects.requireNonNull(status, "status");
        parts = parts == null ? Map.of() : Map.copyOf(new TreeMap<>(parts));
        labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        if (score != null && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]");
        }
    }

    /** A binary grade. */
    public static Grade binary(String extracted, boolean correct) {
        return new Grade(OK, extracted, correct, correct ? 1.0 : 0.0, null, null, null);
    }

    /** A grader failure, with its code and short reason. */
    public static Grade graderError(String error) {
        return new Grade(GRADER_ERROR, null, null, null, null, null, error);
    }

    @Override
    public String toString() {
        return "Grade[" + status + ", correct=" + correct + ", score=" + score + ", parts=" + parts.keySet() + "]";
    }
}
