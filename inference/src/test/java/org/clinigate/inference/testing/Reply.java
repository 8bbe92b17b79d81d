package org.clinigate.inference.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * One scripted answer of {@link FakeOpenAiServer}. Text replies adapt to the request: SSE when it asked to stream,
 * one JSON body otherwise. Every failure reply plants {@link FakeOpenAiServer#CANARY} in its body, so tests can
 * prove that no body text reaches an exception message.
 *
 * @param kind what to send
 * @param text the answer's text, split into one chunk per word when streamed
 * @param status the HTTP status for {@link Kind#STATUS}
 * @param chunksBeforeReset chunks streamed before a {@link Kind#RESET} cuts the TCP connection
 * @param headerDelay wait before anything is sent (a slow first token)
 * @param chunkDelay wait before each streamed chunk (headers go out at once)
 * @param resetGate when set, a {@link Kind#RESET} waits for it before cutting the connection, so that a test can
 *     make sure the client has read the chunks first (a reset discards unread bytes)
 */
public record Reply(Kind kind, String text, int status, int chunksBeforeReset, Duration headerDelay,
        Duration chunkDelay, CountDownLatch resetGate) {

    /** The scripted behaviours. */
    public enum Kind {
        /** A normal answer. */
        TEXT,
        /** An error status with a JSON error body. */
        STATUS,
        /** Status 200 with a body that is not JSON (or an SSE event that is not). */
        MALFORMED_JSON,
        /** Status 200 with an HTML body. */
        WRONG_CONTENT_TYPE,
        /** Some chunks, then a TCP reset. */
        RESET
    }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(headerDelay, "headerDelay");
        Objects.requireNonNull(chunkDelay, "chunkDelay");
    }

    public static Reply text(String text) {
        return new Reply(Kind.TEXT, text, 200, 0, Duration.ZERO, Duration.ZERO, null);
    }

    public static Reply status(int status) {
        return new Reply(Kind.STATUS, "", status, 0, Duration.ZERO, Duration.ZERO, null);
    }

    public static Reply malformedJson() {
        return new Reply(Kind.MALFORMED_JSON, "", 200, 0, Duration.ZERO, Duration.ZERO, null);
    }

    public static Reply wrongContentType() {
        return new Reply(Kind.WRONG_CONTENT_TYPE, "", 200, 0, Duration.ZERO, Duration.ZERO, null);
    }

    /** Streams the first {@code chunks} words of {@code text}, then resets the connection. */
    public static Reply resetAfter(int chunks, String text) {
        return new Reply(Kind.RESET, text, 200, chunks, Duration.ZERO, Duration.ZERO, null);
    }

    /** A reply that sends nothing for an hour: a hung backend. */
    public static Reply hang() {
        return text("never").delayed(Duration.ofHours(1));
    }

    /** The same reply after waiting {@code delay} before the first byte. */
    public Reply delayed(Duration delay) {
        return new Reply(kind, text, status, chunksBeforeReset, delay, chunkDelay, resetGate);
    }

    /** The same reply with {@code delay} before each streamed chunk; the headers are sent at once. */
    public Reply paced(Duration delay) {
        return new Reply(kind, text, status, chunksBeforeReset, headerDelay, delay, resetGate);
    }

    /** The same reply, resetting only once {@code gate} is open. */
    public Reply resetWhen(CountDownLatch gate) {
        return new Reply(kind, text, status, chunksBeforeReset, headerDelay, chunkDelay, gate);
    }
}
