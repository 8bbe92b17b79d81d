package org.clinigate.eval.grade;

import java.util.List;
import org.clinigate.eval.suite.Task;

/**
 * Port: decides whether a reply meets one rubric criterion, usually by asking a grader model. Implementations are
 * thread safe.
 */
public interface CriterionGrader {

    /**
     * Whether {@code reply}, the last turn after {@code conversation}, meets {@code criterion}.
     *
     * @throws org.clinigate.core.error.ClinigateException CG-7003 when the grader fails or answers something that is
     *     not a verdict
     */
    boolean met(List<Task.Turn> conversation, String reply, Task.Criterion criterion);
}
