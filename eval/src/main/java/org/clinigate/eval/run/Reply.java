package org.clinigate.eval.run;

import java.util.List;
import java.util.Objects;

/**
 * A model's reply to one item: the text, and what the gateway's rails reported (rule ids fired, input and output
 * verdicts; empty and null when nothing reported, as in raw mode). {@code toString()} prints sizes only.
 */
public record Reply(String text, List<String> rules, String inputVerdict, String outputVerdict) {

    public Reply {
        Objects.requireNonNull(text, "text");
        rules = List.copyOf(rules);
    }

    /** A plain reply with no rail report. */
    public static Reply of(String text) {
        return new Reply(text, List.of(), null, null);
    }

    @Override
    public String toString() {
        return "Reply[chars=" + text.length() + ", rules=" + rules + ", input=" + inputVerdict + ", output="
                + outputVerdict + "]";
    }
}
