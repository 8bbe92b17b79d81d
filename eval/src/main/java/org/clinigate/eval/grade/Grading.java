package org.clinigate.eval.grade;

import java.util.List;
import java.util.Objects;
import org.clinigate.eval.suite.Task;

/** Grades a reply by its task's kind. Thread safe. The rubric grader is null when no grader endpoint is set. */
public final class Grading {

    private final BehaviourClassifier behaviour;
    private final RubricGrader rubric;
    private final SummaryGrader summary;
    private final RagGrader rag;

    public Grading(BehaviourClassifier behaviour, RubricGrader rubric, SummaryGrader summary, RagGrader rag) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.rubric = rubric;
        this.summary = Objects.requireNonNull(summary, "summary");
        this.rag = Objects.requireNonNull(rag, "rag");
    }

    /** The bundled rule sets and tables, with {@code criteria} (or null) grading rubrics. */
    public static Grading defaults(CriterionGrader criteria) {
        return new Grading(BehaviourClassifier.defaults(), criteria == null ? null : new RubricGrader(criteria),
                SummaryGrader.defaults(), RagGrader.defaults());
    }

    public boolean gradesRubrics() {
        return rubric != null;
    }

    /**
     * Grades {@code reply} to {@code task}; {@code rules}, {@code inputVerdict} and {@code outputVerdict} are what the
     * gateway reported (empty and null in raw mode).
     */
    public Grade grade(Task task, String reply, List<String> rules, String inputVerdict, String outputVerdict) {
        return switch (task) {
            case Task.MultipleChoice mc -> {
                String letter = AnswerExtractor.extract(reply, mc.options()).orElse(null);
                yield Grade.binary(letter, mc.answer().equals(letter));
            }
            case Task.YesNoMaybe y -> {
                String word = YesNoMaybeExtractor.extract(reply).orElse(null);
                yield Grade.binary(word, y.answer().equals(word));
            }
            case Task.Rubric r -> {
                if (rubric == null) {
                    yield Grade.graderError("CG-7003 no grader configured");
                }
                yield rubric.grade(r, reply);
            }
            case Task.Summary s -> summary.grade(s, reply);
            case Task.RagQa q -> rag.grade(q, reply);
            case Task.RedTeam t -> behaviour.grade(t, reply, rules, inputVerdict, outputVerdict);
        };
    }
}
