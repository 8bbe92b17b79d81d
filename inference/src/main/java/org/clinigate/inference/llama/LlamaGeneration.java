package org.clinigate.inference.llama;

import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaOutput;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.StreamControl;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One generation on a worker thread of a {@link LoadedModel}: wait for a slot, stream tokens to the {@link
 * StreamControl}, and end with exactly one terminal callback.
 *
 * <p>Cancellation is cooperative: the caller only sets a flag, and this thread calls the binding's {@code
 * cancel()} between tokens. Calling into the binding from the cancelling thread while this one waits in {@code
 * receiveCompletion} could leave it waiting forever. Messages from llama.cpp are dropped, because they may quote
 * the prompt.
 */
final class LlamaGeneration implements Runnable {

    private static final long POLL_MILLIS = 50;

    private final LoadedModel model;
    private final NativeParameters params;
    private final String clientModel;
    private final StreamControl control;
    private final Duration slotWait;
    private final long deadlineNanos;

    LlamaGeneration(LoadedModel model, NativeParameters params, String clientModel, StreamControl control,
            LlamaConfig config) {
        this.model = model;
        this.params = params;
        this.clientModel = clientModel;
        this.control = control;
        this.slotWait = config.slotWait();
        this.deadlineNanos = System.nanoTime() + config.generationTimeout().toNanos();
    }

    @Override
    public void run() {
        try {
            if (!acquireSlot()) {
                return;
            }
            try {
                generate();
            } finally {
                model.slots().release();
            }
        } catch (RuntimeException e) {
            // The binding's LlamaException is package-private; its message may quote the prompt and is dropped.
            boolean fromLlama = e.getClass().getName().equals("de.kherud.llama.LlamaException");
            control.fail(new ClinigateException(fromLlama ? ErrorCode.CG_2104 : ErrorCode.CG_1999,
                    "in-process generation failed (" + e.getClass().getSimpleName() + ") after " + control.tokens()
                            + " chunks"));
        }
    }

    /** Waits for a slot, polling so that a cancel is noticed; false when the stream has already ended. */
    private boolean acquireSlot() {
        long waitUntil = System.nanoTime() + slotWait.toNanos();
        try {
            while (!model.slots().tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (control.isCancelled()) {
                    control.failCancelled();
                    return false;
                }
                if (System.nanoTime() > waitUntil) {
                    control.fail(new ClinigateException(ErrorCode.CG_2106, "all " + model.key().slots()
                            + " in-process slots stayed busy for " + slotWait.toSeconds() + " s"));
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.failCancelled();
            return false;
        }
    }

    private void generate() {
        if (control.isCancelled()) {
            control.failCancelled();
            return;
        }
        LlamaIterator it = model.model().generate(params.toBinding()).iterator();
        int outputs = 0;
        while (it.hasNext()) {
            LlamaOutput out = it.next();
            outputs++;
            boolean more = control.token(out.text);
            if (!more || System.nanoTime() > deadlineNanos) {
                if (it.hasNext()) {
                    it.cancel();
                }
                if (more) {
                    control.fail(new ClinigateException(ErrorCode.CG_2102, "generation passed its time-out after "
                            + control.tokens() + " chunks"));
                } else {
                    control.failCancelled();
                }
                return;
            }
        }
        // The last output only marks the end; every other output is one sampled token.
        int generated = Math.max(0, outputs - 1);
        FinishReason finish = generated >= params.maxTokens() ? FinishReason.LENGTH : FinishReason.STOP;
        control.complete(new ChatResponse("chatcmpl-" + UUID.randomUUID(), clientModel, control.content(), finish,
                new Usage(params.promptTokens(), generated)));
    }
}
