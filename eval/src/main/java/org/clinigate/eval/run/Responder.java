package org.clinigate.eval.run;

import org.clinigate.core.chat.ChatRequest;

/**
 * Port: where an evaluation sends each item's request: a Clinigate gateway (pipeline mode), a model server (raw
 * mode), or a model in this process. Implementations are thread safe; the runner bounds concurrency.
 */
public interface Responder extends AutoCloseable {

    /**
     * Sends {@code request} and returns the reply.
     *
     * @throws org.clinigate.core.error.ClinigateException on any failure (CG-21xx for backend trouble); the runner
     *     records the code and moves on
     */
    Reply reply(ChatRequest request);

    /** Releases connections; models loaded in-process stay loaded (they are shared by the JVM). */
    @Override
    default void close() {
    }
}
