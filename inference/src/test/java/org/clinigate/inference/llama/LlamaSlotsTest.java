package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/** Concurrency is bounded by the model's slots, shared by every backend on the same loaded model. */
class LlamaSlotsTest {

    private static final Duration GUARD = Duration.ofSeconds(60);

    private static ChatRequest request() {
        return ChatRequest.builder(TinyModel.MODEL).user("List the doses.").temperature(0.0).maxTokens(8).build();
    }

    @Test
    void a_third_generation_waits_while_both_slots_are_busy_and_runs_when_one_frees() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<RecordingSink> blocked = new ArrayList<>();
        List<ChatStream> streams = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordingSink sink = new RecordingSink(t -> await(release));
            blocked.add(sink);
            streams.add(TinyModel.backend().stream(request(), sink));
        }
        for (RecordingSink s : blocked) {
            assertThat(s.awaitFirstToken(GUARD)).isTrue();
        }
        RecordingSink third = new RecordingSink();
        ChatStream waiting = TinyModel.backend().stream(request(), third);
        assertThat(third.tokens).isEmpty();
        assertThat(waiting.firstTokenSent()).isFalse();
        release.countDown();
        for (ChatStream s : streams) {
            s.await();
        }
        assertThat(waiting.await().usage().completionTokens()).isPositive();
        assertThat(third.tokens).isNotEmpty();
    }

    @Test
    void a_request_that_cannot_get_a_slot_in_time_is_refused_as_busy() throws Exception {
        LlamaConfig base = TinyModel.config();
        LlamaBackend impatient = new LlamaBackend(new LlamaConfig("tiny-impatient", base.modelPath(), base.models(),
                base.contextSize(), base.slots(), base.threads(), base.gpuLayers(), base.defaultMaxTokens(),
                Duration.ofMillis(100), base.generationTimeout(), base.cachePrompt()));
        impatient.load();
        CountDownLatch release = new CountDownLatch(1);
        List<ChatStream> holders = new ArrayList<>();
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordingSink sink = new RecordingSink(t -> await(release));
            sinks.add(sink);
            holders.add(TinyModel.backend().stream(request(), sink));
        }
        for (RecordingSink s : sinks) {
            assertThat(s.awaitFirstToken(GUARD)).isTrue();
        }
        try {
            assertThatThrownBy(() -> impatient.complete(request())).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2106));
        } finally {
            release.countDown();
        }
        for (ChatStream h : holders) {
            h.await();
        }
        assertThat(ModelRegistry.nativeLoads()).isEqualTo(1);
    }

    @Test
    void a_cancel_while_waiting_for_a_slot_ends_the_stream_without_generating() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<ChatStream> holders = new ArrayList<>();
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordingSink sink = new RecordingSink(t -> await(release));
            sinks.add(sink);
            holders.add(TinyModel.backend().stream(request(), sink));
        }
        for (RecordingSink s : sinks) {
            assertThat(s.awaitFirstToken(GUARD)).isTrue();
        }
        RecordingSink queued = new RecordingSink();
        ChatStream waiting = TinyModel.backend().stream(request(), queued);
        waiting.cancel();
        assertThatThrownBy(waiting::await).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2005));
        release.countDown();
        for (ChatStream h : holders) {
            h.await();
        }
        assertThat(queued.tokens).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
