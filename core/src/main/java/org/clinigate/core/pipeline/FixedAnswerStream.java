package org.clinigate.core.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;

/**
 * A stream whose whole answer is known in advance (a rail's fixed answer): delivered to the sink on a virtual
 * thread, so that a caller which holds the sink's first token back (until the call is audited) never waits on
 * itself.
 */
final class FixedAnswerStream implements ChatStream {

    private final ChatResponse response;
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final AtomicBoolean sent = new AtomicBoolean();
    private volatile boolean cancelled;

    private FixedAnswerStream(ChatResponse response) {
        this.response = response;
    }

    static FixedAnswerStream start(ChatResponse response, ChatSink sink) {
        FixedAnswerStream s = new FixedAnswerStream(response);
        Thread.ofVirtual().name("rail-answer").start(() -> {
            try {
                if (!s.cancelled) {
                    sink.onToken(response.content());
                    s.sent.set(true);
                    sink.onComplete(response);
                }
                s.done.complete(response);
            } catch (RuntimeException e) {
                s.done.completeExceptionally(e);
            }
        });
        return s;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean firstTokenSent() {
        return sent.get();
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    public ChatResponse await() {
        try {
            return done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
