package org.clinigate.inference.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.ResponseFormat;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The OpenAI chat completions wire format: request bodies out, completions and stream chunks in. Parse errors are
 * reported with sizes only, and the parser's own exception is dropped, because its message quotes the body.
 * Stateless and thread safe.
 */
final class WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFormat() {
    }

    /** A decoded non-streamed completion. */
    record Completion(String id, String content, FinishReason finish, Usage usage) {
        @Override
        public String toString() {
            return "Completion[id=" + id + ", chars=" + content.length() + "]";
        }
    }

    /** A decoded stream chunk; {@code delta} is empty when the chunk carries none, {@code finish} null. */
    record Chunk(String id, String delta, FinishReason finish, Usage usage, boolean error) {
        @Override
        public String toString() {
            return "Chunk[chars=" + delta.length() + ", finish=" + finish + ", error=" + error + "]";
        }
    }

    static byte[] encode(ChatRequest request, String upstreamModel, boolean stream, boolean streamUsage) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", upstreamModel);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            ObjectNode node = messages.addObject().put("role", m.role().wireName());
            if (m.parts().size() == 1 && m.parts().getFirst() instanceof ContentPart.Text t) {
                node.put("content", t.text());
            } else {
                parts(node.putArray("content"), m);
            }
        }
        body.put("stream", stream);
        if (stream && streamUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        sampling(body, request);
        // The adapter selection is the gateway's own; only the upstream model name carries it.
        org.clinigate.core.registry.AdapterSelection.forwardable(request)
                .forEach((k, v) -> body.set(k, JSON.valueToTree(v)));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ClinigateException(ErrorCode.CG_2001, "request could not be encoded as JSON");
        }
    }

    private static void parts(ArrayNode out, ChatMessage m) {
        for (ContentPart p : m.parts()) {
            switch (p) {
                case ContentPart.Text t -> out.addObject().put("type", "text").put("text", t.text());
                case ContentPart.ImageUrl i -> {
                    ObjectNode url = out.addObject().put("type", "image_url").putObject("image_url");
                    url.put("url", i.url());
                    if (i.detail() != null) {
                        url.put("detail", i.detail());
                    }
                }
            }
        }
    }

    private static void sampling(ObjectNode body, ChatRequest r) {
        if (r.temperature() != null) {
            body.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            body.put("top_p", r.topP());
        }
        if (r.maxTokens() != null) {
            body.put("max_tokens", r.maxTokens());
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            r.stop().forEach(stop::add);
        }
        if (r.seed() != null) {
            body.put("seed", r.seed());
        }
        switch (r.responseFormat()) {
            case ResponseFormat.Text t -> {
                // The default; not sent, since some servers reject the field.
            }
            case ResponseFormat.JsonObject o -> body.putObject("response_format").put("type", "json_object");
            case ResponseFormat.JsonSchema s -> {
                ObjectNode schema = body.putObject("response_format").put("type", "json_schema")
                        .putObject("json_schema");
                schema.put("name", s.name()).put("strict", s.strict()).set("schema", parse(s.schemaJson(), true));
            }
        }
    }

    static Completion decodeCompletion(byte[] body) {
        JsonNode root = parse(body);
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw malformed("completion without choices", body.length);
        }
        JsonNode content = choice.path("message").path("content");
        if (!(content.isTextual() || content.isNull() || content.isMissingNode())) {
            throw malformed("completion content is not a string", body.length);
        }
        return new Completion(root.path("id").asText(""), content.asText(""),
                FinishReason.fromWire(choice.path("finish_reason").asText(null)), usage(root.path("usage")));
    }

    static Chunk decodeChunk(String data) {
        JsonNode root = parse(data, false);
        if (!root.isObject()) {
            throw malformed("stream chunk is not a JSON object", data.length());
        }
        if (root.has("error")) {
            return new Chunk("", "", null, Usage.NONE, true);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode content = choice.path("delta").path("content");
        if (!(content.isTextual() || content.isNull() || content.isMissingNode())) {
            throw malformed("stream chunk content is not a string", data.length());
        }
        JsonNode finish = choice.path("finish_reason");
        return new Chunk(root.path("id").asText(""), content.asText(""),
                finish.isTextual() ? FinishReason.fromWire(finish.asText()) : null, usage(root.path("usage")), false);
    }

    private static Usage usage(JsonNode u) {
        int prompt = u.path("prompt_tokens").asInt(0);
        int completion = u.path("completion_tokens").asInt(0);
        return prompt >= 0 && completion >= 0 ? new Usage(prompt, completion) : Usage.NONE;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw malformed("body is not a JSON object", body.length);
            }
            return node;
        } catch (IOException e) {
            throw malformed("body is not valid JSON", body.length);
        }
    }

    private static JsonNode parse(String text, boolean fromClient) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            if (fromClient) {
                throw new ClinigateException(ErrorCode.CG_2001, "response_format json_schema is not valid JSON");
            }
            throw malformed("stream chunk is not valid JSON", text.length());
        }
    }

    static ClinigateException malformed(String what, int size) {
        return new ClinigateException(ErrorCode.CG_2103, "backend sent a malformed answer: " + what + " (size " + size
                + ")");
    }
}
