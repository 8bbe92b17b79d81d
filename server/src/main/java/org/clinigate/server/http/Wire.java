package org.clinigate.server.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Usage;

/** Writes OpenAI's response shapes: a completion, a stream chunk, the model list. Stateless. */
final class Wire {

    private static final JsonFactory JSON = new JsonFactory();

    private Wire() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(int size, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A completion; with the rails' verdicts and flags in a {@code clinigate} object when any rule fired. */
    static byte[] completion(ChatResponse r, long created, ChatPipeline.Rails rails) {
        return json(256 + r.content().length(), g -> {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("object", "chat.completion");
            g.writeNumberField("created", created);
            g.writeStringField("model", r.model());
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            g.writeStringField("content", r.content());
            g.writeEndObject();
            g.writeStringField("finish_reason", r.finishReason().wireName());
            g.writeEndObject();
            g.writeEndArray();
            usage(g, r.usage());
            rails(g, rails);
            g.writeEndObject();
        });
    }

    /** A chunk with no choices that carries the rails' verdicts, sent before {@code [DONE]} when a rule fired. */
    static byte[] railsChunk(String id, String model, long created, ChatPipeline.Rails rails) {
        return json(256, g -> {
            head(g, id, model, created);
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            rails(g, rails);
            g.writeEndObject();
        });
    }

    /** {@code "clinigate": {"rails": {"input", "output", "flags": [{"rule", "severity", "message"}]}}}. */
    private static void rails(JsonGenerator g, ChatPipeline.Rails rails) throws IOException {
        if (rails == null || rails.flags().isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("clinigate");
        g.writeObjectFieldStart("rails");
        g.writeStringField("input", rails.input().label());
        g.writeStringField("output", rails.output().label());
        g.writeArrayFieldStart("flags");
        for (org.clinigate.core.rails.RailFlag f : rails.flags()) {
            g.writeStartObject();
            g.writeStringField("rule", f.rule());
            g.writeStringField("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("action", f.action().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One {@code chat.completion.chunk}: a delta (with the role on the first), or the finish reason. */
    static byte[] chunk(String id, String model, long created, boolean first, String delta, FinishReason finish) {
        return json(160 + (delta == null ? 0 : delta.length()), g -> {
            head(g, id, model, created);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("delta");
            if (first) {
                g.writeStringField("role", "assistant");
            }
            if (delta != null) {
                g.writeStringField("content", delta);
            }
            g.writeEndObject();
            if (finish == null) {
                g.writeNullField("finish_reason");
            } else {
                g.writeStringField("finish_reason", finish.wireName());
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The last chunk when the client asked for {@code stream_options.include_usage}: no choices, usage only. */
    static byte[] usageChunk(String id, String model, long created, Usage usage) {
        return json(200, g -> {
            head(g, id, model, created);
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            usage(g, usage);
            g.writeEndObject();
        });
    }

    static byte[] models(Collection<String> names, long created) {
        return json(64 + names.size() * 80, g -> {
            g.writeStartObject();
            g.writeStringField("object", "list");
            g.writeArrayFieldStart("data");
            for (String n : names) {
                g.writeStartObject();
                g.writeStringField("id", n);
                g.writeStringField("object", "model");
                g.writeNumberField("created", created);
                g.writeStringField("owned_by", "clinigate");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void head(JsonGenerator g, String id, String model, long created) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("object", "chat.completion.chunk");
        g.writeNumberField("created", created);
        g.writeStringField("model", model);
    }

    private static void usage(JsonGenerator g, Usage u) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("prompt_tokens", u.promptTokens());
        g.writeNumberField("completion_tokens", u.completionTokens());
        g.writeNumberField("total_tokens", u.totalTokens());
        g.writeEndObject();
    }
}
