package org.clinigate.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.testing.ChatBackendContract;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.RecordingSink;
import org.clinigate.inference.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A backend that is down, slow, or lying. Time-outs are set short so that the scripted slowness triggers them;
 * the assertions check codes, retry counts and messages, never durations.
 */
class OpenAiFailureTest {

    private static final Duration GUARD = Duration.ofSeconds(30);
    private static final String CANARY = "Zxqwerty Canarion";

    private FakeOpenAiServer server;
    private OpenAiBackend backend;

    static OpenAiConfig config(URI baseUrl) {
        return OpenAiConfig.of("fake", baseUrl, null, Map.of("m", "upstream-m"))
                .withTimeouts(new OpenAiConfig.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                        Duration.ofSeconds(2)))
                .withResilience(new OpenAiConfig.Resilience(2, Duration.ofMillis(5), 100, 100, 50f,
                        Duration.ofMinutes(1)));
    }

    private static ChatRequest request() {
        return ChatRequest.builder("m").user("Patient " + CANARY + " reports chest pain.").build();
    }

    @BeforeEach
    void start() {
        server = FakeOpenAiServer.start();
        backend = new OpenAiBackend(config(server.baseUrl()));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.close();
    }

    @Test
    void server_errors_before_the_first_token_are_retried_and_the_retry_can_succeed() {
        server.enqueue(Reply.status(500), Reply.status(503), Reply.text("Stable."));
        RecordingSink sink = new RecordingSink();
        assertThat(backend.stream(request(), sink).await().content()).isEqualTo("Stable.");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(sink.errors).isEmpty();
    }

    @Test
    void persistent_server_errors_fail_after_the_retry_budget_with_a_bad_gateway_code() {
        server.defaultReply(Reply.status(500));
        assertFails(() -> backend.complete(request()), ErrorCode.CG_2104);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void client_errors_are_not_retried() {
        server.defaultReply(Reply.status(400));
        assertFails(() -> backend.complete(request()), ErrorCode.CG_2105);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void too_many_requests_is_retried_and_then_reported_as_busy() {
        server.defaultReply(Reply.status(429));
        assertFails(() -> backend.stream(request(), new RecordingSink()).await(), ErrorCode.CG_2106);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void malformed_json_is_a_bad_response_in_both_modes_and_is_not_retried() {
        server.defaultReply(Reply.malformedJson());
        assertFails(() -> backend.complete(request()), ErrorCode.CG_2103);
        assertFails(() -> backend.stream(request(), new RecordingSink()).await(), ErrorCode.CG_2103);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void a_wrong_content_type_is_a_bad_response_naming_the_type() {
        server.defaultReply(Reply.wrongContentType());
        assertFails(() -> backend.complete(request()), ErrorCode.CG_2103);
        assertThatThrownBy(() -> backend.stream(request(), new RecordingSink()).await())
                .hasMessageContaining("text/html").hasMessageContaining("text/event-stream");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void a_reset_after_tokens_reaches_the_sink_mid_stream_and_is_never_retried() throws Exception {
        CountDownLatch bothRead = new CountDownLatch(2);
        server.enqueue(Reply.resetAfter(2, "Pain is improving today.").resetWhen(bothRead),
                Reply.text("must not be fetched"));
        RecordingSink sink = new RecordingSink(t -> bothRead.countDown());
        ChatStream stream = backend.stream(request(), sink);
        assertFails(stream::await, ErrorCode.CG_2103);
        assertThat(sink.tokens).containsExactly("Pain", " is");
        assertThat(sink.errors).hasSize(1);
        assertThat(stream.firstTokenSent()).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void a_reset_before_the_first_token_is_retried() {
        server.enqueue(Reply.resetAfter(0, "lost"), Reply.text("Recovered."));
        assertThat(backend.stream(request(), new RecordingSink()).await().content()).isEqualTo("Recovered.");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void a_slow_first_token_times_out_closes_the_connection_and_is_not_retried() throws Exception {
        server.enqueue(Reply.text("Too late.").paced(Duration.ofSeconds(1)));
        RecordingSink sink = new RecordingSink();
        ChatStream stream = backend.stream(request(), sink);
        assertFails(stream::await, ErrorCode.CG_2102);
        assertThat(stream.firstTokenSent()).isFalse();
        assertThat(sink.tokens).isEmpty();
        assertThat(server.awaitClientGone(GUARD)).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void a_hung_backend_times_out_in_both_modes() {
        server.defaultReply(Reply.hang());
        assertFails(() -> backend.stream(request(), new RecordingSink()).await(), ErrorCode.CG_2102);
        assertFails(() -> backend.complete(request()), ErrorCode.CG_2102);
    }

    @Test
    void an_unreachable_backend_is_reported_as_unavailable() throws Exception {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/v1");
        }
        try (OpenAiBackend down = new OpenAiBackend(config(closed))) {
            assertFails(() -> down.complete(request()), ErrorCode.CG_2101);
            assertFails(() -> down.stream(request(), new RecordingSink()).await(), ErrorCode.CG_2101);
        }
    }

    @Test
    void cancel_while_waiting_for_a_hung_backend_ends_with_cancelled() {
        server.defaultReply(Reply.hang());
        RecordingSink sink = new RecordingSink();
        ChatStream stream = backend.stream(request(), sink);
        stream.cancel();
        assertFails(stream::await, ErrorCode.CG_2005);
        assertThat(sink.tokens).isEmpty();
    }

    @Test
    void cancel_mid_stream_drops_the_backend_connection() throws Exception {
        server.enqueue(Reply.text("one two three four five six seven eight").paced(Duration.ofMillis(20)));
        ChatStream[] handle = new ChatStream[1];
        RecordingSink sink = new RecordingSink(t -> handle[0].cancel());
        synchronized (handle) {
            handle[0] = backend.stream(request(), sink);
        }
        assertFails(handle[0]::await, ErrorCode.CG_2005);
        assertThat(server.awaitClientGone(GUARD)).isTrue();
        assertThat(sink.tokens).hasSize(1);
    }

    @Test
    void no_failure_message_quotes_the_prompt_or_the_backend_body() {
        List<Reply> failures = List.of(Reply.status(500), Reply.status(400), Reply.status(429), Reply.malformedJson(),
                Reply.wrongContentType(), Reply.resetAfter(1, CANARY + " leaks"));
        for (Reply reply : failures) {
            server.defaultReply(reply);
            ThrowingCallable complete = () -> backend.complete(request());
            ThrowingCallable stream = () -> backend.stream(request(), new RecordingSink()).await();
            for (ThrowingCallable call : List.of(complete, stream)) {
                assertThatThrownBy(call).isInstanceOf(ClinigateException.class)
                        .satisfies(e -> ChatBackendContract.assertNoCanary(e, CANARY));
            }
        }
    }

    private static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(code))
                .satisfies(e -> ChatBackendContract.assertNoCanary(e, CANARY));
    }
}
