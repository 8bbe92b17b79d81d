package org.clinigate.core.chat;

/**
 * Token counts of one generation. A backend that does not report prompt tokens gives 0; a streaming backend that
 * does not report usage counts one completion token per content chunk.
 */
public record Usage(int promptTokens, int completionTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
