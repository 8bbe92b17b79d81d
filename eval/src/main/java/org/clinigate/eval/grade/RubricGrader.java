package org.clinigate.eval.grade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.eval.suite.Task;

/**
 * HealthBench scoring: each criterion is met or not; an item's score is the points of the met criteria over the sum of
 * its positive points, clipped to [0, 1] (negative criteria lower it). The same ratio over the criteria of one
 * {@code axis:...} tag gives that axis's part, where the axis has positive points. A grader failure on any criterion
 * marks the whole item {@code grader_error}. Thread safe when its grader is.
 */
public final class RubricGrader {

    private final CriterionGrader grader;

    public RubricGrader(CriterionGrader grader) {
        this.grader = grader;
    }

    public Grade grade(Task.Rubric rubric, String reply) {
        List<Boolean> met = new ArrayList<>();
        try {
            for (Task.Criterion c : rubric.criteria()) {
                met.add(grader.met(rubric.conversation(), reply, c));
            }
        } catch (ClinigateException e) {
            return Grade.graderError(e.getMessage());
        }
        return score(rubric.criteria(), met);
    }

    /** The grade for known verdicts, {@code met.get(i)} for criterion {@code i}. */
    public static Grade score(List<Task.Criterion> criteria, List<Boolean> met) {
        Map<String, Double> parts = new HashMap<>();
        parts.put("criteria_met", (double) met.stream().filter(b -> b).count());
        Set<String> axes = new LinkedHashSet<>();
        for (Task.Criterion c : criteria) {
            c.tags().stream().filter(t -> t.startsWith("axis:")).forEach(axes::add);
        }
        for (String axis : axes) {
            Double s = ratio(criteria, met, axis);
            if (s != null) {
                parts.put(axis, s);
            }
        }
        return new Grade(Grade.OK, null, null, ratio(criteria, met, null), parts, null, null);
    }

    /** Met points over positive points, clipped to [0, 1], for criteria with {@code tag} (all when null). */
    static Double ratio(List<Task.Criterion> criteria, List<Boolean> met, String tag) {
        double gained = 0;
        double possible = 0;
        for (int i = 0; i < criteria.size(); i++) {
            Task.Criterion c = criteria.get(i);
            if (tag != null && !c.tags().contains(tag)) {
                continue;
            }
            possible += Math.max(0, c.points());
            gained += met.get(i) ? c.points() : 0;
        }
        if (possible <= 0) {
            return null;
        }
        return Math.min(1, Math.max(0, gained / possible));
    }
}
