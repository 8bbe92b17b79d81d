package org.clinigate.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.error.ClinigateException;

/**
 * Writes a streamed answer as server-sent events in OpenAI's chunk format. Headers are committed on
 * the first token, so an error before it can still be answered with a proper HTTP status. A failed
 * write (the client went away) throws from {@link #onToken}, which cancels the generation.
 *
 * <p>Written by one backend thread at a time while the request thread waits; the request thread
 * writes the end only after the stream is done.
 */
final class SseSink implements ChatSink {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<OutputStream> open;
    private final String id;
    private final String model;
    private final long created;
    private OutputStream out;
    private volatile boolean started;

    SseSink(Supplier<OutputStream> open, String id, String model, long created) {
        this.open = open;
        this.id = id;
        this.model = model;
        this.created = created;
    }

    boolean started() {
        return started;
    }

    @Override
    public void onToken(String delta) {
        boolean first = !started;
        if (first) {
            out = open.get();
            started = true;
        }
        event(Wire.chunk(id, model, created, first, delta, null));
    }

    /**
     * Ends a successful stream: the finish reason, usage when asked for, the rails' verdicts when a rule fired, then
     * {@code [DONE]}.
     */
    void finish(ChatResponse response, boolean includeUsage, org.clinigate.core.pipeline.ChatPipeline.Rails rails) {
        if (!started) {
            out = open.get();
            started = true;
            event(Wire.chunk(id, model, created, true, "", null));
        }
        event(Wire.chunk(id, model, created, false, null, response.finishReason()));
        if (includeUsage) {
            event(Wire.usageChunk(id, model, created, response.usage()));
        }
        if (rails != null && !rails.flags().isEmpty()) {
            event(Wire.railsChunk(id, model, created, rails));
        }
        write(DONE);
    }

    /** Ends a stream that failed after it started: an error event, then {@code [DONE]}. Never throws. */
    void fail(ClinigateException error) {
        try {
            event(ErrorMapping.body(error));
            write(DONE);
        } catch (RuntimeException gone) {
            // The client has gone; there is no one left to tell.
        }
    }

    private void event(byte[] json) {
        try {
            out.write(DATA);
            out.write(json);
            out.write(END);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("client went away", e);
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("client went away", e);
        }
    }
}
