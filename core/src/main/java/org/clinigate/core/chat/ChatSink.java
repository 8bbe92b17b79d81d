package org.clinigate.core.chat;

import org.clinigate.core.error.ClinigateException;

/**
 * Receives one streamed generation. A backend calls {@link #onToken} zero or more times, in order, then exactly
 * one of {@link #onComplete} or {@link #onError}. Calls come from one backend-owned thread at a time, never
 * concurrently, and never from the thread that called {@link ChatBackend#stream}.
 *
 * <p>A sink that throws from {@link #onToken} (for example because the client went away) cancels the generation;
 * it then receives {@link #onError} with {@link org.clinigate.core.error.ErrorCode#CG_2005}. Exceptions thrown
 * from the terminal callbacks are ignored.
 */
public interface ChatSink {

    /** A piece of generated text, never empty. May end inside a word; never inside a UTF-16 surrogate pair. */
    void onToken(String delta);

    /** The generation ended normally; {@code response.content()} is the concatenation of all deltas. */
    default void onComplete(ChatResponse response) {
    }

    /** The generation failed or was cancelled. The message carries a stable code and no user text. */
    default void onError(ClinigateException error) {
    }

    /** A sink that ignores tokens, for callers that only {@link ChatStream#await()} the result. */
    static ChatSink discarding() {
        return delta -> {
        };
    }
}
