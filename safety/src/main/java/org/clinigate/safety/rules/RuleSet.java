package org.clinigate.safety.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned, validated rule set, loaded by {@link RuleSetLoader}: its id, its version (reported with every verdict
 * so a flag can be traced to the rules that raised it), the stage it guards, and its rules in evaluation order.
 * Immutable and thread safe.
 */
public record RuleSet(String id, String version, Stage stage, String description, List<Rule> rules) {

    /** Which text a rule set checks. */
    public enum Stage {
        /** The user's de-identified input, before the model sees it. */
        INPUT,
        /** The model's answer, before the client sees it. */
        OUTPUT
    }

    public RuleSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(description, "description");
        rules = List.copyOf(rules);
    }

    /** {@code id@version}, the name its rail reports. */
    public String name() {
        return id + "@" + version;
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
