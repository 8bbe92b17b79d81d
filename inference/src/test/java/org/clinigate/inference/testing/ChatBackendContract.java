package org.clinigate.inference.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChatBackend} must show (house rule: every implementation of a port passes one shared
 * contract suite). A subclass supplies the backend and a model it serves; it may script its backend in {@link
 * #beforeEachCall()} so that the next call answers normally with several tokens.
 */
public abstract class ChatBackendContract {

    /** A value planted in prompts; it must never appear in an exception message. */
    protected static final String PROMPT_CANARY = "Zxqwerty Canarion was seen on ward 7";
    private static final Duration GUARD = Duration.ofSeconds(60);

    protected abstract ChatBackend backend();

    protected abstract String model();

    /** Called before each generating call; fakes queue a normal multi-token answer here. */
    protected void beforeEachCall() {
    }

    /** A request that yields several tokens. */
    protected ChatRequest.Builder request() {
        return ChatRequest.builder(model()).system("You are a careful clinical assistant.")
                .user("Summarise the patient's pain and dose.").maxTokens(12).temperature(0.0);
    }

    @Test
    void complete_returns_the_requested_model_a_finish_reason_and_usage() {
        beforeEachCall();
        ChatResponse r = backend().complete(request().build());
        assertThat(r.model()).isEqualTo(model());
        assertThat(r.id()).isNotBlank();
        assertThat(r.usage().completionTokens()).isBetween(1, 12);
        assertThat(r.content()).isNotEmpty();
    }

    @Test
    void streamed_deltas_join_into_the_completed_content_with_exactly_one_terminal_callback() throws Exception {
        beforeEachCall();
        RecordingSink sink = new RecordingSink();
        ChatStream stream = backend().stream(request().build(), sink);
        ChatResponse r = stream.await();
        assertThat(sink.awaitTerminal(GUARD)).isTrue();
        assertThat(sink.tokens).isNotEmpty().allSatisfy(t -> assertThat(t).isNotEmpty());
        assertThat(r.content()).isEqualTo(sink.text());
        assertThat(sink.completions).containsExactly(r);
        assertThat(sink.errors).isEmpty();
        assertThat(stream.isDone()).isTrue();
        assertThat(stream.firstTokenSent()).isTrue();
    }

    @Test
    void sink_callbacks_come_from_a_backend_thread_not_the_caller() throws Exception {
        beforeEachCall();
        RecordingSink sink = new RecordingSink();
        backend().stream(request().build(), sink).await();
        assertThat(sink.threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void first_token_flag_is_already_set_when_the_sink_sees_the_first_delta() throws Exception {
        beforeEachCall();
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        ChatStream[] handle = new ChatStream[1];
        CountDownLatch started = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(t -> {
            awaitQuietly(started);
            seen.add(handle[0].firstTokenSent());
        });
        handle[0] = backend().stream(request().build(), sink);
        started.countDown();
        handle[0].await();
        assertThat(seen).isNotEmpty().containsOnly(true);
    }

    @Test
    void cancel_from_another_thread_after_the_first_token_ends_with_a_cancelled_error() throws Exception {
        beforeEachCall();
        CountDownLatch proceed = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(t -> awaitQuietly(proceed));
        ChatStream stream = backend().stream(request().maxTokens(32).build(), sink);
        assertThat(sink.awaitFirstToken(GUARD)).isTrue();
        stream.cancel();
        stream.cancel();
        proceed.countDown();
        assertThatThrownBy(stream::await).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2005));
        assertThat(sink.awaitTerminal(GUARD)).isTrue();
        assertThat(sink.tokens).hasSize(1);
        assertThat(sink.completions).isEmpty();
        assertThat(sink.errors).hasSize(1);
    }

    @Test
    void a_sink_that_throws_cancels_the_generation_and_still_gets_one_error() throws Exception {
        beforeEachCall();
        RecordingSink sink = new RecordingSink(t -> {
            throw new IllegalStateException("client went away");
        });
        ChatStream stream = backend().stream(request().build(), sink);
        assertThatThrownBy(stream::await).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2005));
        assertThat(sink.awaitTerminal(GUARD)).isTrue();
        assertThat(sink.tokens).hasSize(1);
        assertThat(sink.errors).hasSize(1);
    }

    @Test
    void an_unknown_model_is_refused_with_model_not_found_and_without_prompt_text() {
        ChatRequest r = ChatRequest.builder("no-such-model").user(PROMPT_CANARY).build();
        assertThatThrownBy(() -> backend().stream(r, new RecordingSink())).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2002))
                .satisfies(e -> assertNoCanary(e, PROMPT_CANARY));
        assertThatThrownBy(() -> backend().complete(r)).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2002));
    }

    @Test
    void it_serves_its_models_and_is_ready() {
        assertThat(backend().models()).contains(model());
        assertThat(backend().readiness().ready()).as(backend().readiness().detail()).isTrue();
        assertThat(backend().name()).isNotBlank();
    }

    @Test
    void request_and_response_text_never_appear_in_to_string() {
        beforeEachCall();
        ChatRequest r = ChatRequest.builder(model()).user(PROMPT_CANARY).maxTokens(4).build();
        ChatResponse resp = backend().complete(r);
        assertThat(r.toString()).doesNotContain("Zxqwerty");
        assertThat(resp.toString()).contains("chars=" + resp.content().length());
    }

    /** Asserts that no message in the cause chain of {@code t} contains {@code canary}. */
    public static void assertNoCanary(Throwable t, String canary) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain(canary).doesNotContain("Zxqwerty");
            assertThat(c.toString()).doesNotContain("Zxqwerty");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
