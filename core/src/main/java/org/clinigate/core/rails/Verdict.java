package org.clinigate.core.rails;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a rail: {@link Pass}, {@link Flag} or {@link Block}. Flags travel with the response in every case
 * but a pass, so a client can see why.
 */
public sealed interface Verdict permits Verdict.Pass, Verdict.Flag, Verdict.Block {

    /** The shared verdict for a text no rule fired on. */
    Pass PASS = new Pass();

    /** What fired, in text order; empty for a pass. */
    List<RailFlag> flags();

    /** The wire name: {@code pass}, {@code flag} or {@code block}. */
    String label();

    /** No rule fired. */
    record Pass() implements Verdict {
        @Override
        public List<RailFlag> flags() {
            return List.of();
        }

        @Override
        public String label() {
            return "pass";
        }
    }

    /**
     * Rules fired, none of which blocks. {@code text} is the checked text after every {@link RailAction#REPLACE}
     * rule has replaced its span; it equals the input when none did. It may carry PHI, so {@code toString()} leaves
     * it out.
     */
    record Flag(List<RailFlag> flags, String text) implements Verdict {
        public Flag {
            flags = List.copyOf(flags);
            Objects.requireNonNull(text, "text");
            if (flags.isEmpty()) {
                throw new IllegalArgumentException("a flag verdict needs at least one flag");
            }
        }

        @Override
        public String label() {
            return "flag";
        }

        @Override
        public String toString() {
            return "Flag[" + flags + ", chars=" + text.length() + "]";
        }
    }

    /**
     * A blocking rule fired. The caller must not pass the text on (an input never reaches the model; an answer
     * never reaches the client) and answers with {@code answer}, a fixed text written in the rule set.
     */
    record Block(List<RailFlag> flags, String answer) implements Verdict {
        public Block {
            flags = List.copyOf(flags);
            Objects.requireNonNull(answer, "answer");
            if (flags.isEmpty()) {
                throw new IllegalArgumentException("a block verdict needs at least one flag");
            }
        }

        @Override
        public String label() {
            return "block";
        }
    }
}
