package org.clinigate.inference.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.error.ClinigateException;

/**
 * A {@link ChatSink} that records every callback, and can run a hook on each token (to block, cancel or throw).
 * Thread safe.
 */
public final class RecordingSink implements ChatSink {

    public final List<String> tokens = new CopyOnWriteArrayList<>();
    public final List<ChatResponse> completions = new CopyOnWriteArrayList<>();
    public final List<ClinigateException> errors = new CopyOnWriteArrayList<>();
    public final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstToken = new CountDownLatch(1);
    private final CountDownLatch terminal = new CountDownLatch(1);
    private final Consumer<String> onEachToken;

    public RecordingSink() {
        this(t -> {
        });
    }

    /** @param onEachToken runs after a token is recorded, on the backend's thread */
    public RecordingSink(Consumer<String> onEachToken) {
        this.onEachToken = onEachToken;
    }

    @Override
    public void onToken(String delta) {
        tokens.add(delta);
        threads.add(Thread.currentThread().getName());
        firstToken.countDown();
        onEachToken.accept(delta);
    }

    @Override
    public void onComplete(ChatResponse response) {
        completions.add(response);
        terminal.countDown();
    }

    @Override
    public void onError(ClinigateException error) {
        errors.add(error);
        terminal.countDown();
    }

    public String text() {
        return String.join("", tokens);
    }

    public int terminals() {
        return completions.size() + errors.size();
    }

    /** Waits for the first token; a guard against hangs, not a timing assertion. */
    public boolean awaitFirstToken(Duration max) throws InterruptedException {
        return firstToken.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean awaitTerminal(Duration max) throws InterruptedException {
        return terminal.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }
}
