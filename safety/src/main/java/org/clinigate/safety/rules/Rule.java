package org.clinigate.safety.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clinigate.core.rails.RailAction;
import org.clinigate.core.rails.Severity;

/**
 * One rule of a rule set, as its YAML declares it: a stable id, a category for reports, a severity, an action, a
 * description, the message its flags carry, the tasks it applies to (empty: all) and those it skips, its compiled
 * detector, the fixed
 * answer of a blocking rule, the replacement of a replacing rule, and its own tests. Immutable and thread safe.
 */
public record Rule(String id, String category, Severity severity, RailAction action, String description,
        String message, Set<String> tasks, Set<String> exceptTasks, Detector detector, String answer,
        String replacement, List<RuleTest> tests) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detector, "detector");
        tasks = Set.copyOf(tasks);
        exceptTasks = Set.copyOf(exceptTasks);
        tests = List.copyOf(tests);
        if (action == RailAction.BLOCK && answer == null) {
            throw new IllegalArgumentException("rule " + id + ": a blocking rule needs an answer");
        }
        if (action == RailAction.REPLACE && replacement == null) {
            throw new IllegalArgumentException("rule " + id + ": a replacing rule needs a replacement");
        }
    }

    /** True when the rule applies to {@code task}: listed in {@code tasks} (or none listed), and not excepted. */
    public boolean appliesTo(String task) {
        return (tasks.isEmpty() || tasks.contains(task)) && !exceptTasks.contains(task);
    }
}
