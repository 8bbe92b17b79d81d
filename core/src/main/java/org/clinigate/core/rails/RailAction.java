package org.clinigate.core.rails;

import java.util.Arrays;
import java.util.Locale;

/** What a rule does when it fires. Immutable and thread safe. */
public enum RailAction {
    /** Report the finding; the text goes on, with the flag beside it. */
    FLAG,
    /** Stop the text: the caller answers with the rule's fixed answer instead. */
    BLOCK,
    /** Replace the matched span with the rule's replacement text, and report it. */
    REPLACE;

    /** The wire form, for example {@code block}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an action case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static RailAction parse(String s) {
        for (RailAction v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("allowed: " + Arrays.stream(values()).map(RailAction::wireName).toList());
    }
}
