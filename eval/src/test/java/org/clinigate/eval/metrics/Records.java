package org.clinigate.eval.metrics;

import java.util.List;
import java.util.Map;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.run.ItemRecord;

/** Hand-made item records for metric fixtures. */
final class Records {

    private Records() {
    }

    static ItemRecord binary(String id, boolean correct, Map<String, String> groups) {
        return new ItemRecord(id, groups, "q", "a", List.of(), null, null, Grade.OK, null, Grade.binary(correct
                ? "A"
                : "B", correct), 10);
    }

    static ItemRecord graded(String id, Grade grade, Map<String, String> groups) {
        return new ItemRecord(id, groups, "q", "a", List.of(), null, null, grade.status(), grade.error(), grade, 10);
    }

    static ItemRecord error(String id) {
        return new ItemRecord(id, Map.of(), "q", "", List.of(), null, null, ItemRecord.ERROR, "CG-2101", null, 5);
    }
}
