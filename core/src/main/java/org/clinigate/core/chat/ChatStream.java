package org.clinigate.core.chat;

import org.clinigate.core.error.ClinigateException;

/**
 * A generation started by {@link ChatBackend#stream}: lets the caller cancel it, learn whether the first token has
 * reached the sink, and wait for its end.
 *
 * <p>Thread safe: any thread may call any method, any number of times.
 */
public interface ChatStream {

    /**
     * Asks the backend to stop; returns at once and is idempotent. Unless the generation has already ended, the sink
     * then receives {@link ChatSink#onError} with {@link org.clinigate.core.error.ErrorCode#CG_2005}. An in-process
     * backend frees its slot; an HTTP backend closes its connection.
     */
    void cancel();

    /**
     * True once the first token has been handed to the sink. From then on the backend never retries, and a failure
     * reaches the sink mid-stream; before it, a server may still answer with an HTTP error status.
     */
    boolean firstTokenSent();

    /** True once the sink's terminal callback has returned. */
    boolean isDone();

    /**
     * Waits for the end of the generation.
     *
     * @return the response given to {@link ChatSink#onComplete}
     * @throws ClinigateException the error given to {@link ChatSink#onError}; {@link
     *     org.clinigate.core.error.ErrorCode#CG_2005} when the waiting thread is interrupted, which also cancels
     */
    ChatResponse await();
}
