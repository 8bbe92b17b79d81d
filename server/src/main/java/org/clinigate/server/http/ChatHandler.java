package org.clinigate.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.ChatCall;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.core.quota.Quotas;
import org.clinigate.server.metrics.GatewayMetrics;

/** {@code POST /v1/chat/completions}: plain JSON, or server-sent events when {@code stream} is true. */
final class ChatHandler implements Handler {

    private final ChatPipeline pipeline;
    private final RequestParser parser;
    private final GatewayMetrics metrics;
    private final long maxBodyBytes;
    private final Auditor audit;
    private final Quotas quotas;

    /** Context attribute: the prompt tokens the quota admission took in advance. */
    static final String ESTIMATED_TOKENS = "clinigate.estimatedTokens";

    ChatHandler(ChatPipeline pipeline, RequestParser parser, GatewayMetrics metrics, long maxBodyBytes,
            Auditor audit, Quotas quotas) {
        this.pipeline = pipeline;
        this.parser = parser;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.audit = audit;
        this.quotas = quotas;
    }

    /** Charges the caller's token buckets for what the estimate at admission did not cover. */
    private void charge(Context ctx, Principal who, ChatResponse r) {
        Long estimate = ctx.attribute(ESTIMATED_TOKENS);
        long owed = r.usage().completionTokens()
                + Math.max(0, r.usage().promptTokens() - (estimate == null ? 0 : estimate));
        try {
            quotas.charge(who.tenant(), who.subject(), owed);
        } catch (ClinigateException e) {
            // Served and audited already: a missed charge lets this caller a little over its budget, no more.
            org.slf4j.LoggerFactory.getLogger(ChatHandler.class).warn("{} quota charge skipped: {}",
                    e.code().code(), e.getMessage());
        }
    }

    @Override
    public void handle(Context ctx) {
        long t0 = System.nanoTime();
        String type = ctx.header("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new ClinigateException(ErrorCode.CG_3003, "Content-Type must be application/json");
        }
        ParsedRequest p = parser.parse(body(ctx));
        Principal principal = ctx.attribute(GatewayServer.PRINCIPAL);
        ChatCall call = new ChatCall(principal, p.request(), p.patientId(), p.conversationId());
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        if (!p.stream()) {
            ChatPipeline.Result result = pipeline.complete(call);
            ChatResponse r = result.response();
            metrics.tokens(p.request().model(), r.usage().promptTokens(), r.usage().completionTokens());
            metrics.rails(result.rails());
            audit.allowed(ctx, principal, p.request().model(), result.deidentifiedRequest(),
                    result.deidentifiedAnswer(), r.usage().promptTokens(), r.usage().completionTokens(), "chat",
                    result.rails().ruleIds());
            charge(ctx, principal, r);
            byte[] json = Wire.completion(r, created, result.rails());
            long total = System.nanoTime() - t0;
            ctx.header("Server-Timing", serverTiming(result.backendNanos(), total));
            metrics.overhead(p.request().model(), Math.max(0, total - result.backendNanos()));
            send(ctx, json);
            return;
        }
        stream(ctx, call, p, id, created, t0);
    }

    private void stream(Context ctx, ChatCall call, ParsedRequest p, String id, long created, long t0) {
        String model = p.request().model();
        // No byte reaches the client before the stream's start is audited: the first token waits here.
        java.util.concurrent.CompletableFuture<Void> audited = new java.util.concurrent.CompletableFuture<>();
        SseSink sink = new SseSink(() -> {
            audited.join();
            return open(ctx, model, t0);
        }, id, model, created);
        metrics.streamStarted();
        try {
            ChatPipeline.Streaming started = pipeline.stream(call, sink);
            ChatStream s = started.stream();
            try {
                audit.allowed(ctx, call.principal(), model, started.deidentifiedRequest(), null, 0, 0, "chat-stream");
                audited.complete(null);
            } catch (ClinigateException auditFailed) {
                audited.completeExceptionally(auditFailed);
                s.cancel();
                throw auditFailed;
            }
            ChatResponse r;
            try {
                r = s.await();
            } catch (ClinigateException e) {
                if (!sink.started()) {
                    throw e; // nothing sent yet: answer with a status code
                }
                metrics.error(e.code());
                sink.fail(e);
                return;
            }
            metrics.tokens(model, r.usage().promptTokens(), r.usage().completionTokens());
            // The tokens are with the client already: the output rail's verdict is reported and audited.
            ChatPipeline.Rails rails = new ChatPipeline.Rails(started.input(), started.checkAnswer(r.content()));
            metrics.rails(rails);
            audit.allowed(ctx, call.principal(), model, started.deidentifiedRequest(), r.content(),
                    r.usage().promptTokens(), r.usage().completionTokens(), "chat-stream-end", rails.ruleIds());
            charge(ctx, call.principal(), r);
            try {
                sink.finish(r, p.includeUsage(), rails);
            } catch (UncheckedIOException gone) {
                metrics.error(ErrorCode.CG_2005);
            }
        } finally {
            metrics.streamEnded();
        }
    }

    private OutputStream open(Context ctx, String model, long t0) {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        metrics.firstByte(model, Duration.ofNanos(System.nanoTime() - t0));
        try {
            return ctx.res().getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The W3C Server-Timing header of a served call: the backend's time as the gateway saw it (its HTTP exchange
     * included) and the gateway's own time around it, in milliseconds, so that a client or load generator can tell
     * what the gateway adds to each request without guessing the model's share. Timings only, nothing of the call.
     */
    static String serverTiming(long backendNanos, long totalNanos) {
        return String.format(java.util.Locale.ROOT, "upstream;dur=%.3f, gateway;dur=%.3f", backendNanos / 1e6,
                Math.max(0, totalNanos - backendNanos) / 1e6);
    }

    /**
     * Writes a JSON answer straight to the response with its length. {@code ctx.result(bytes)} would copy it through a
     * 32 KB buffer that Javalin allocates for every response; on the hot path that was a tenth of all allocation.
     */
    private void send(Context ctx, byte[] json) {
        ctx.status(200);
        ctx.res().setContentType("application/json");
        ctx.res().setContentLength(json.length);
        try {
            ctx.res().getOutputStream().write(json);
        } catch (IOException e) {
            // The client went away after the call was served and audited: counted as a stream is, not an error.
            metrics.error(ErrorCode.CG_2005);
        }
    }

    /** The body, refused with 413 beyond the limit whether or not a Content-Length announced it. */
    private byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0 && declared <= Integer.MAX_VALUE - 8) {
                // The announced length, read into one array of that size; a body that runs on past it is refused.
                byte[] bytes = in.readNBytes((int) declared);
                if (bytes.length < declared) {
                    throw new ClinigateException(ErrorCode.CG_1005, "the request body ended after " + bytes.length
                            + " of " + declared + " bytes");
                }
                if (in.read() != -1) {
                    throw tooLarge();
                }
                return bytes;
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1005, "the request body could not be read");
        }
    }

    private ClinigateException tooLarge() {
        return new ClinigateException(ErrorCode.CG_1006, "the request body exceeds server.max_body_bytes ("
                + maxBodyBytes + " bytes)");
    }
}
