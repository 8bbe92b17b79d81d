package org.clinigate.core.chat;

import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.health.Readiness;

/**
 * Port: a place where a language model generates chat completions: a model in this process, or an
 * OpenAI-compatible server. The pipeline hands it de-identified messages only.
 *
 * <p>Contract (checked for every implementation by the shared {@code ChatBackendContract} test suite):
 * <ul>
 * <li>{@link #complete} and {@link #stream} serve the model names in {@link #models()}; any other name fails with
 * {@link org.clinigate.core.error.ErrorCode#CG_2002}.
 * <li>{@link #stream} returns at once. Problems it can see without generating (an invalid or unsupported request,
 * an unknown model, a model that is not loaded) are thrown from the call itself; everything later reaches the
 * sink's {@link ChatSink#onError}. The sink gets exactly one terminal callback.
 * <li>A backend retries only before the first token has reached the sink, never after.
 * <li>Exception messages and {@code toString()} carry codes, counts, sizes and setting names; never prompt text,
 * generated text, or a backend's response body.
 * </ul>
 *
 * <p>Implementations are thread safe and may limit concurrency themselves (an in-process model has a fixed number
 * of slots); a call that cannot get capacity in time fails with a retriable code. Failures are always {@link
 * ClinigateException}.
 */
public interface ChatBackend {

    /** A short, stable name for configuration, logs and metrics, for example {@code vllm-27b}. */
    String name();

    /** The model names this backend serves, as clients write them. */
    Set<String> models();

    /**
     * Generates a whole answer, blocking the calling thread.
     *
     * @throws ClinigateException on any failure; its code says which, and whether a retry may succeed
     */
    ChatResponse complete(ChatRequest request);

    /**
     * Starts a streamed generation and returns its handle at once. Tokens and the terminal callback reach {@code
     * sink} on a backend-owned thread.
     *
     * @throws ClinigateException when the request can be refused without generating
     */
    ChatStream stream(ChatRequest request, ChatSink sink);

    /** Whether this backend can generate now; when not, what is missing and how to fix it. Cheap; never blocks. */
    Readiness readiness();
}
