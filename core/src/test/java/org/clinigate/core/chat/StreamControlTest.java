package org.clinigate.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class StreamControlTest {

    private static final ChatResponse DONE = new ChatResponse("id", "m", "ab", FinishReason.STOP, Usage.NONE);

    /** Records callbacks in order. */
    private static final class Log implements ChatSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void onToken(String delta) {
            events.add("token:" + delta);
        }

        @Override
        public void onComplete(ChatResponse response) {
            events.add("complete");
        }

        @Override
        public void onError(ClinigateException error) {
            events.add("error:" + error.code().code());
        }
    }

    @Test
    void tokens_reach_the_sink_in_order_and_only_one_terminal_callback_is_delivered() {
        Log log = new Log();
        StreamControl c = new StreamControl(log);
        assertThat(c.firstTokenSent()).isFalse();
        assertThat(c.token("a")).isTrue();
        assertThat(c.token("")).isTrue();
        assertThat(c.token("b")).isTrue();
        c.complete(DONE);
        c.fail(new ClinigateException(ErrorCode.CG_2104, "late"));
        c.complete(DONE);
        assertThat(log.events).containsExactly("token:a", "token:b", "complete");
        assertThat(c.firstTokenSent()).isTrue();
        assertThat(c.tokens()).isEqualTo(2);
        assertThat(c.content()).isEqualTo("ab");
        assertThat(c.await()).isSameAs(DONE);
        assertThat(c.isDone()).isTrue();
    }

    @Test
    void await_rethrows_the_error_given_to_the_sink() {
        StreamControl c = new StreamControl(ChatSink.discarding());
        ClinigateException error = new ClinigateException(ErrorCode.CG_2101, "down");
        c.fail(error);
        assertThatThrownBy(c::await).isSameAs(error);
        assertThat(c.firstTokenSent()).isFalse();
    }

    @Test
    void a_sink_that_throws_cancels_the_stream_and_later_tokens_are_refused() {
        AtomicInteger calls = new AtomicInteger();
        StreamControl c = new StreamControl(delta -> {
            calls.incrementAndGet();
            throw new IllegalStateException("socket closed");
        });
        assertThat(c.token("a")).isFalse();
        assertThat(c.isCancelled()).isTrue();
        assertThat(c.token("b")).isFalse();
        c.failCancelled();
        assertThat(calls).hasValue(1);
        assertThatThrownBy(c::await).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2005));
    }

    @Test
    void cancel_runs_each_hook_once_and_hooks_added_later_run_at_once() {
        StreamControl c = new StreamControl(ChatSink.discarding());
        AtomicInteger early = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        c.onCancel(early::incrementAndGet);
        c.cancel();
        c.cancel();
        c.onCancel(late::incrementAndGet);
        assertThat(early).hasValue(1);
        assertThat(late).hasValue(1);
        assertThat(c.token("x")).isFalse();
    }

    @Test
    void exceptions_from_terminal_callbacks_are_ignored() {
        StreamControl c = new StreamControl(new ChatSink() {
            @Override
            public void onToken(String delta) {
            }

            @Override
            public void onComplete(ChatResponse response) {
                throw new IllegalStateException("write failed");
            }
        });
        c.complete(DONE);
        assertThat(c.await()).isSameAs(DONE);
    }

    @Test
    void an_interrupted_waiter_cancels_the_stream() {
        StreamControl c = new StreamControl(ChatSink.discarding());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(c::await).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2005));
            assertThat(c.isCancelled()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
