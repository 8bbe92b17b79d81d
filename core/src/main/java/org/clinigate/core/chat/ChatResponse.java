package org.clinigate.core.chat;

import java.util.Objects;

/**
 * A finished generation: the backend's response id, the model name the client asked for, the whole generated
 * text, why it ended, and token usage. The content may carry PHI, so {@code toString()} prints its size only.
 */
public record ChatResponse(String id, String model, String content, FinishReason finishReason, Usage usage) {

    public ChatResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
    }

    @Override
    public String toString() {
        return "ChatResponse[id=" + id + ", model=" + model + ", chars=" + content.length() + ", finish="
                + finishReason.wireName() + ", usage=" + usage + "]";
    }
}
