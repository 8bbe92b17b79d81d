package org.clinigate.core.chat;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The shared implementation of {@link ChatStream}, for backends: it forwards tokens to the sink, counts and
 * collects them, delivers exactly one terminal callback, and runs cancel hooks (closing a connection, for example)
 * when a caller cancels.
 *
 * <p>Thread safety: {@link #token}, {@link #complete} and {@link #fail} belong to the one producer thread that
 * generates; {@link #cancel()} and the {@link ChatStream} queries may come from any thread.
 */
public final class StreamControl implements ChatStream {

    private final ChatSink sink;
    private final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
    private final AtomicBoolean terminal = new AtomicBoolean();
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private final StringBuilder content = new StringBuilder();
    private volatile boolean cancelled;
    private volatile boolean firstTokenSent;
    private int tokens;

    public StreamControl(ChatSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Producer: hands one delta to the sink. Empty deltas are skipped.
     *
     * @return false when the producer should stop: the stream was cancelled, or the sink threw (which cancels it)
     */
    public boolean token(String delta) {
        if (cancelled || terminal.get()) {
            return false;
        }
        if (delta.isEmpty()) {
            return true;
        }
        // Set before the call: once the sink may have written anything, retrying would duplicate output.
        firstTokenSent = true;
        tokens++;
        content.append(delta);
        try {
            sink.onToken(delta);
            return !cancelled;
        } catch (RuntimeException sinkFailure) {
            cancel();
            return false;
        }
    }

    /** Producer: ends the stream normally. Ignored after a terminal callback. */
    public void complete(ChatResponse response) {
        if (terminal.compareAndSet(false, true)) {
            try {
                sink.onComplete(response);
            } catch (RuntimeException ignored) {
                // The contract says terminal-callback failures are ignored; the result stays valid.
            } finally {
                result.complete(response);
            }
        }
    }

    /** Producer: ends the stream with an error. Ignored after a terminal callback. */
    public void fail(ClinigateException error) {
        if (terminal.compareAndSet(false, true)) {
            try {
                sink.onError(error);
            } catch (RuntimeException ignored) {
                // See complete().
            } finally {
                result.completeExceptionally(error);
            }
        }
    }

    /** Producer: ends the stream as cancelled. */
    public void failCancelled() {
        fail(new ClinigateException(ErrorCode.CG_2005, "generation cancelled after " + tokens + " chunks"));
    }

    /** Runs {@code hook} when the stream is cancelled, at once if it already is. Hooks must not block. */
    public void onCancel(Runnable hook) {
        cancelHooks.add(hook);
        if (cancelled && cancelHooks.remove(hook)) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The number of non-empty deltas handed to the sink so far. */
    public int tokens() {
        return tokens;
    }

    /** All deltas so far, joined; read by the producer to build its response. */
    public String content() {
        return content.toString();
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            for (Runnable hook : cancelHooks) {
                if (cancelHooks.remove(hook)) {
                    hook.run();
                }
            }
        }
    }

    @Override
    public boolean firstTokenSent() {
        return firstTokenSent;
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public ChatResponse await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new ClinigateException(ErrorCode.CG_2005, "interrupted while waiting for the generation");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ClinigateException ce) {
                throw ce;
            }
            throw new ClinigateException(ErrorCode.CG_1999, "generation failed with an unexpected error type");
        } catch (CancellationException e) {
            throw new ClinigateException(ErrorCode.CG_2005, "generation cancelled");
        }
    }

    @Override
    public String toString() {
        return "StreamControl[tokens=" + tokens + ", cancelled=" + cancelled + ", done=" + result.isDone() + "]";
    }
}
