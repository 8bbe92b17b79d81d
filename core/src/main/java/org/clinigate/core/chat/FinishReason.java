package org.clinigate.core.chat;

import java.util.Locale;

/** Why generation ended, with OpenAI's wire names. */
public enum FinishReason {
    /** The model ended its turn, or a stop sequence matched. */
    STOP,
    /** {@code max_tokens} or the context window was reached. */
    LENGTH,
    /** The backend filtered the output. */
    CONTENT_FILTER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name; anything unknown, such as {@code eos} or {@code tool_calls}, counts as {@link #STOP}. */
    public static FinishReason fromWire(String name) {
        return switch (name == null ? "" : name) {
            case "length" -> LENGTH;
            case "content_filter" -> CONTENT_FILTER;
            default -> STOP;
        };
    }
}
