package org.clinigate.safety.rules;

import java.util.Objects;
import org.clinigate.core.rails.RailContext;

/**
 * One of a rule's own tests, written beside the rule in its YAML: a text, the context to check it in, and whether
 * the rule must fire on it. {@code toString()} leaves the text out.
 */
public record RuleTest(String text, boolean expectMatch, RailContext context) {

    public RuleTest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
    }

    @Override
    public String toString() {
        return "RuleTest[" + (expectMatch ? "match" : "no-match") + ", chars=" + text.length() + ", " + context + "]";
    }
}
