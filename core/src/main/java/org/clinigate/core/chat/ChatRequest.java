package org.clinigate.core.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * A chat completion request, as the standard OpenAI fields. Optional numbers are null when the client left them
 * out, so that each backend applies its own default. Whether to stream is not a field: the caller picks {@link
 * ChatBackend#complete} or {@link ChatBackend#stream}.
 *
 * <p>The constructor checks the ranges OpenAI documents; a backend may check more (a context window, a seed
 * range) and fails with {@link ErrorCode#CG_2001} too. Messages may carry PHI, so {@code toString()} prints counts
 * only.
 *
 * @param model the model name the client asked for; a router picks the backend by it
 * @param messages the conversation, at least one message
 * @param temperature sampling temperature in [0, 2], or null
 * @param topP nucleus sampling mass in (0, 1], or null
 * @param maxTokens the most tokens to generate, at least 1, or null
 * @param stop up to 4 non-empty stop sequences
 * @param seed a sampling seed for reproducible output, or null
 * @param responseFormat text, JSON object, or JSON schema
 * @param extra further standard OpenAI fields (for example {@code presence_penalty}), passed verbatim by HTTP
 *     backends and ignored in-process; values are JSON-like: String, Number, Boolean, List, Map
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Double topP,
        Integer maxTokens, List<String> stop, Long seed, ResponseFormat responseFormat, Map<String, Object> extra) {

    /** Wire names that {@code extra} may not carry, because fields above or the transport own them. */
    public static final Set<String> RESERVED = Set.of("model", "messages", "temperature", "top_p", "max_tokens",
            "max_completion_tokens", "stop", "seed", "response_format", "stream", "stream_options", "n");

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        if (model.isBlank() || model.length() > 256) {
            throw invalid("model must be 1 to 256 characters");
        }
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw invalid("messages must not be empty");
        }
        checkRange("temperature", temperature, 0, 2, true);
        checkRange("top_p", topP, 0, 1, false);
        if (maxTokens != null && maxTokens < 1) {
            throw invalid("max_tokens must be >= 1, got " + maxTokens);
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (stop.size() > 4 || stop.stream().anyMatch(String::isEmpty)) {
            throw invalid("stop must hold at most 4 non-empty strings");
        }
        responseFormat = responseFormat == null ? new ResponseFormat.Text() : responseFormat;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        for (String key : extra.keySet()) {
            if (RESERVED.contains(key)) {
                throw invalid("extra field '" + key + "' is a reserved name");
            }
        }
    }

    private static void checkRange(String name, Double value, double min, double max, boolean minInclusive) {
        if (value == null) {
            return;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        if (!(aboveMin && value <= max)) {
            throw invalid(name + " must be in " + (minInclusive ? "[" : "(") + min + ", " + max + "], got " + value);
        }
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_2001, detail);
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** True when any message carries an image. */
    public boolean hasImage() {
        return messages.stream().anyMatch(ChatMessage::hasImage);
    }

    /** The same request for another model name, for example a backend's upstream name. */
    public ChatRequest withModel(String otherModel) {
        return new ChatRequest(otherModel, messages, temperature, topP, maxTokens, stop, seed, responseFormat, extra);
    }

    @Override
    public String toString() {
        int chars = messages.stream().mapToInt(ChatMessage::textLength).sum();
        return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", chars=" + chars + ", temperature="
                + temperature + ", topP=" + topP + ", maxTokens=" + maxTokens + ", stops=" + stop.size() + ", seed="
                + (seed == null ? "none" : "set") + ", format=" + responseFormat.getClass().getSimpleName()
                + ", extra=" + extra.keySet() + "]";
    }

    /** Builds a {@link ChatRequest}; not thread safe. */
    public static final class Builder {
        private final String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private List<String> stop = List.of();
        private Long seed;
        private ResponseFormat responseFormat;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder(String model) {
            this.model = model;
        }

        public Builder message(ChatMessage message) {
            messages.add(message);
            return this;
        }

        public Builder messages(List<ChatMessage> all) {
            messages.addAll(all);
            return this;
        }

        public Builder system(String text) {
            return message(ChatMessage.system(text));
        }

        public Builder user(String text) {
            return message(ChatMessage.user(text));
        }

        public Builder assistant(String text) {
            return message(ChatMessage.assistant(text));
        }

        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        public Builder topP(Double value) {
            topP = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            maxTokens = value;
            return this;
        }

        public Builder stop(List<String> value) {
            stop = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder responseFormat(ResponseFormat value) {
            responseFormat = value;
            return this;
        }

        public Builder extra(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(model, messages, temperature, topP, maxTokens, stop, seed, responseFormat, extra);
        }
    }
}
