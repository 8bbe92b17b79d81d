package org.clinigate.inference.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.StreamControl;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.openai.WireFormat.Chunk;
import org.clinigate.inference.openai.WireFormat.Completion;

/**
 * One chat call with its retries: attempts until success, a failure that must not be retried, the first token
 * (after which nothing is retried), the retry budget, or the total deadline. Ends with exactly one terminal
 * callback on its {@link StreamControl}. Runs on one thread; other threads reach it only through the control's
 * cancel hook and the transport's timers.
 */
final class Call implements Runnable {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final Transport transport;
    private final ChatRequest request;
    private final HttpRequest http;
    private final StreamControl control;
    private final boolean stream;
    private final long deadline;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    /** Encodes the request on the caller's thread, so that an unencodable request fails there. */
    Call(Transport transport, ChatRequest request, String upstreamModel, StreamControl control, boolean stream) {
        this.transport = transport;
        this.request = request;
        this.http = transport.request(request, upstreamModel, stream);
        this.control = control;
        this.stream = stream;
        this.deadline = System.nanoTime() + transport.config().timeouts().total().toNanos();
        control.onCancel(cancelled::countDown);
    }

    @Override
    public void run() {
        try {
            for (int retry = 0;; retry++) {
                Failure f = control.isCancelled() ? Failure.io(Attempt.Abort.CANCELLED, 0, false) : attempt();
                if (f == null) {
                    return;
                }
                if (!mayRetry(f, retry) || !backOff(retry)) {
                    control.fail(control.isCancelled()
                            ? Failure.io(Attempt.Abort.CANCELLED, control.tokens(), true)
                                    .error()
                            : f.error());
                    return;
                }
            }
        } catch (ClinigateException e) {
            control.fail(e);
        } catch (RuntimeException e) {
            control.fail(new ClinigateException(ErrorCode.CG_1999, "backend call failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private boolean mayRetry(Failure f, int retry) {
        return f.retriable() && !control.firstTokenSent() && !control.isCancelled()
                && retry < transport.config().resilience().maxRetries()
                && System.nanoTime() + transport.backoff(retry).toNanos() < deadline;
    }

    /** Sleeps before the next attempt; false when cancelled meanwhile. */
    private boolean backOff(int retry) {
        try {
            return !cancelled.await(transport.backoff(retry).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.cancel();
            return false;
        }
    }

    /** One attempt; null on success, when the terminal callback has been delivered. */
    private Failure attempt() {
        if (!transport.breaker().tryAcquirePermission()) {
            return Failure.circuitOpen(transport.config().name());
        }
        Attempt attempt = new Attempt();
        long start = System.nanoTime();
        ScheduledFuture<?> total = transport.schedule(() -> attempt.abort(Attempt.Abort.TOTAL), deadline);
        ScheduledFuture<?> first = stream ? transport.schedule(() -> {
            if (!control.firstTokenSent()) {
                attempt.abort(Attempt.Abort.FIRST_TOKEN);
            }
        }, Math.min(deadline, start + transport.config().timeouts().firstToken().toNanos())) : null;
        control.onCancel(() -> attempt.abort(Attempt.Abort.CANCELLED));
        Failure failure;
        boolean connected = false;
        try {
            HttpResponse<InputStream> response = attempt.send(transport.client(), http);
            connected = true;
            failure = stream ? readStream(response, attempt) : readCompletion(response);
        } catch (IOException e) {
            failure = Failure.io(attempt.aborted(), control.tokens(), connected);
        } catch (ClinigateException e) {
            failure = attempt.aborted() != null
                    ? Failure.io(attempt.aborted(), control.tokens(), connected)
                    : Failure.malformed(e);
        } finally {
            total.cancel(false);
            if (first != null) {
                first.cancel(false);
            }
            attempt.close();
        }
        record(failure, System.nanoTime() - start);
        return failure;
    }

    private void record(Failure failure, long nanos) {
        if (failure == null || !failure.breakerFailure() && failure.error().code() != ErrorCode.CG_2005) {
            transport.breaker().onSuccess(nanos, TimeUnit.NANOSECONDS);
        } else if (failure.error().code() == ErrorCode.CG_2005) {
            transport.breaker().releasePermission();
        } else {
            transport.breaker().onError(nanos, TimeUnit.NANOSECONDS, failure.error());
        }
    }

    private Failure readCompletion(HttpResponse<InputStream> response) throws IOException {
        Failure bad = checkHead(response, "application/json");
        if (bad != null) {
            return bad;
        }
        int limit = transport.config().maxResponseBytes();
        byte[] body = response.body().readNBytes(limit + 1);
        if (body.length > limit) {
            return Failure.malformed(WireFormat.malformed("body larger than the limit", body.length));
        }
        Completion c = WireFormat.decodeCompletion(body);
        control.complete(new ChatResponse(id(c.id()), request.model(), c.content(),
                c.finish() == null ? FinishReason.STOP : c.finish(), c.usage()));
        return null;
    }

    private Failure readStream(HttpResponse<InputStream> response, Attempt attempt) throws IOException {
        Failure bad = checkHead(response, "text/event-stream");
        if (bad != null) {
            return bad;
        }
        SseReader events = new SseReader(response.body(), transport.config().maxResponseBytes());
        StreamState state = new StreamState();
        String data;
        while ((data = events.next()) != null && !data.equals("[DONE]")) {
            Chunk chunk = WireFormat.decodeChunk(data);
            if (chunk.error()) {
                return new Failure(new ClinigateException(ErrorCode.CG_2104, "backend reported an error inside the"
                        + " stream after " + control.tokens() + " chunks"), control.tokens() == 0, true);
            }
            state.add(chunk);
            if (!control.token(chunk.delta())) {
                attempt.abort(Attempt.Abort.CANCELLED);
                return Failure.io(Attempt.Abort.CANCELLED, control.tokens(), true);
            }
        }
        if (data == null && state.finish == null) {
            // A clean end of stream without [DONE] or a finish reason: the backend went away mid-answer.
            return Failure.io(attempt.aborted(), control.tokens(), true);
        }
        Usage usage = state.usage != null ? state.usage : new Usage(0, control.tokens());
        control.complete(new ChatResponse(id(state.id), request.model(), control.content(),
                state.finish == null ? FinishReason.STOP : state.finish, usage));
        return null;
    }

    /** Checks status and content type; the body of an error answer is never read. */
    private static Failure checkHead(HttpResponse<InputStream> response, String expected) {
        if (response.statusCode() != 200) {
            return Failure.status(response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith(expected)) {
            return Failure.wrongContentType(expected, type);
        }
        return null;
    }

    /** The backend's id when it looks like one; ids travel into logs, so free text is replaced. */
    private static String id(String upstream) {
        return upstream != null && SAFE_ID.matcher(upstream).matches() ? upstream : "chatcmpl-" + UUID.randomUUID();
    }

    /** What a stream has told so far besides its text. */
    private static final class StreamState {
        private String id;
        private FinishReason finish;
        private Usage usage;

        void add(Chunk c) {
            if (id == null && !c.id().isEmpty()) {
                id = c.id();
            }
            if (c.finish() != null) {
                finish = c.finish();
            }
            if (c.usage().totalTokens() > 0) {
                usage = c.usage();
            }
        }
    }
}
