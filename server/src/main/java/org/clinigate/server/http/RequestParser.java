package org.clinigate.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.chat.ResponseFormat;
import org.clinigate.core.chat.Role;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Reads an OpenAI chat completion request. Unknown fields are refused, as OpenAI does, so a client
 * learns at once that a feature is not supported rather than silently losing it. Fields that may carry
 * identifiers and that the gateway cannot de-identify ({@code user}, a message's {@code name}) are
 * dropped before anything reaches a backend. Error messages quote field names, never values.
 * Thread safe.
 */
final class RequestParser {

    /** Sampling fields passed to the backend unchanged. */
    private static final Set<String> PASSTHROUGH = Set.of("frequency_penalty", "presence_penalty", "logit_bias",
            "top_k", "min_p", "repetition_penalty", "typical_p");
    private static final Set<String> KNOWN = Set.of("model", "messages", "temperature", "top_p", "max_tokens",
            "max_completion_tokens", "stop", "seed", "response_format", "stream", "stream_options", "n", "user",
            "clinigate", "logprobs");

    private final ObjectMapper json;

    RequestParser(int maxDepth, long maxBytes) {
        JsonFactory f = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth).maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes)).build())
                .build();
        this.json = new ObjectMapper(f);
    }

    ParsedRequest parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        Map<String, Object> extra = new HashMap<>();
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (PASSTHROUGH.contains(name)) {
                extra.put(name, json.convertValue(root.get(name), Object.class));
            } else if (!KNOWN.contains(name)) {
                throw invalid("unknown field '" + safeName(name) + "'");
            }
        }
        String model = text(root, "model", true);
        if (root.has("n") && root.get("n").asInt(-1) != 1) {
            throw invalid("n must be 1");
        }
        if (root.has("logprobs") && root.get("logprobs").asBoolean(true)) {
            throw invalid("logprobs are not supported");
        }
        Integer maxTokens = integer(root, root.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens");
        ChatRequest request = new ChatRequest(model, messages(root.get("messages")), number(root, "temperature"),
                number(root, "top_p"), maxTokens, stops(root.get("stop")), longValue(root, "seed"),
                responseFormat(root.get("response_format")), extra);
        boolean stream = bool(root, "stream");
        JsonNode options = root.get("stream_options");
        boolean usage = options != null && options.path("include_usage").asBoolean(false);
        JsonNode cg = root.get("clinigate");
        String patient = null;
        String conversation = null;
        if (cg != null && !cg.isNull()) {
            if (!cg.isObject()) {
                throw invalid("clinigate must be an object");
            }
            for (Iterator<String> it = cg.fieldNames(); it.hasNext();) {
                String n = it.next();
                if (!n.equals("patient_id") && !n.equals("conversation_id")) {
                    throw invalid("unknown field 'clinigate." + safeName(n) + "'");
                }
            }
            patient = text(cg, "patient_id", false);
            conversation = text(cg, "conversation_id", false);
        }
        return new ParsedRequest(request, stream, usage, patient, conversation);
    }

    /**
     * NUL (U+0000) can be written in JSON as an escape but cannot be stored by PostgreSQL or carried safely to most
     * backends: a request holding one anywhere is refused up front, not half-served.
     */
    private static void rejectNul(JsonNode node) {
        if (node.isTextual()) {
            if (node.textValue().indexOf('\u0000') >= 0) {
                throw invalid("a string holds a NUL character (U+0000)");
            }
            return;
        }
        if (node.isContainerNode()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().indexOf('\u0000') >= 0) {
                    throw invalid("a field name holds a NUL character (U+0000)");
                }
            }
            for (JsonNode child : node) {
                rejectNul(child);
            }
        }
    }

    private JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw invalid("the body is empty");
        }
        try {
            JsonNode n = json.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw invalid("the body is empty");
            }
            rejectNul(n);
            return n;
        } catch (CharConversionException e) {
            throw new ClinigateException(ErrorCode.CG_1003, "the body is not valid UTF-8");
        } catch (StreamConstraintsException e) {
            throw new ClinigateException(ErrorCode.CG_1005, "the JSON is nested too deeply or a value is too long");
        } catch (JsonEOFException e) {
            throw new ClinigateException(ErrorCode.CG_1005, "the JSON ends early" + at(e.getLocation()));
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("UTF-8")) {
                throw new ClinigateException(ErrorCode.CG_1003, "the body is not valid UTF-8" + at(e.getLocation()));
            }
            throw new ClinigateException(ErrorCode.CG_1005, "malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1005, "malformed JSON");
        }
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private List<ChatMessage> messages(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalid("messages must be a non-empty array");
        }
        List<ChatMessage> out = new ArrayList<>(node.size());
        for (JsonNode m : node) {
            if (!m.isObject()) {
                throw invalid("each message must be an object");
            }
            Role role = Role.fromWire(m.path("role").asText(null));
            for (Iterator<String> it = m.fieldNames(); it.hasNext();) {
                String n = it.next();
                if (!n.equals("role") && !n.equals("content") && !n.equals("name")) {
                    throw invalid("unknown message field '" + safeName(n) + "'");
                }
            }
            out.add(new ChatMessage(role, parts(m.get("content"))));
        }
        return out;
    }

    private List<ContentPart> parts(JsonNode content) {
        if (content == null || content.isNull()) {
            throw invalid("a message has no content");
        }
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.asText()));
        }
        if (!content.isArray()) {
            throw invalid("content must be a string or an array of parts");
        }
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode p : content) {
            String type = p.path("type").asText("");
            switch (type) {
                case "text" -> parts.add(new ContentPart.Text(text(p, "text", true)));
                case "image_url" -> {
                    JsonNode img = p.path("image_url");
                    String url = img.isTextual() ? img.asText() : img.path("url").asText(null);
                    if (url == null) {
                        throw invalid("image_url.url is required");
                    }
                    parts.add(new ContentPart.ImageUrl(url, img.path("detail").asText(null)));
                }
                default -> throw invalid("content part type must be text or image_url");
            }
        }
        return parts;
    }

    private static List<String> stops(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw invalid("stop must be a string or an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual()) {
                throw invalid("stop must be a string or an array of strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    private ResponseFormat responseFormat(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (node.path("type").asText("")) {
            case "text" -> new ResponseFormat.Text();
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> {
                JsonNode s = node.path("json_schema");
                if (!s.path("schema").isObject()) {
                    throw invalid("response_format.json_schema.schema must be an object");
                }
                yield new ResponseFormat.JsonSchema(s.path("name").asText("response"), s.get("schema").toString(),
                        s.path("strict").asBoolean(false));
            }
            default -> throw invalid("response_format.type must be text, json_object or json_schema");
        };
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw invalid(field + " must be a number");
        }
        return v.asDouble();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw invalid(field + " must be an integer");
        }
        return v.asInt();
    }

    private static Long longValue(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(field + " must be an integer");
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw invalid(field + " must be true or false");
        }
        return v.asBoolean();
    }

    /** A field name echoed in an error only when it has the shape of an API parameter. */
    private static String safeName(String name) {
        return name.matches("[a-z][a-z0-9_]{0,39}") ? name : "(not shown)";
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_2001, detail);
    }
}
