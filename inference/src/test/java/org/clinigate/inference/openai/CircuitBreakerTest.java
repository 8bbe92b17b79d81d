package org.clinigate.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private FakeOpenAiServer server;

    private static OpenAiBackend backend(FakeOpenAiServer server, Duration openFor) {
        return new OpenAiBackend(OpenAiFailureTest.config(server.baseUrl())
                .withResilience(new OpenAiConfig.Resilience(0, Duration.ofMillis(5), 4, 4, 50f, openFor)));
    }

    private static ChatRequest request() {
        return ChatRequest.builder("m").user("hello").build();
    }

    @BeforeEach
    void start() {
        server = FakeOpenAiServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void repeated_failures_open_the_breaker_and_later_calls_are_refused_without_reaching_the_backend() {
        try (OpenAiBackend b = backend(server, Duration.ofHours(1))) {
            server.defaultReply(Reply.status(502));
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> b.complete(request())).isInstanceOf(ClinigateException.class);
            }
            assertThat(b.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThatThrownBy(() -> b.complete(request())).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2101))
                    .hasMessageContaining("circuit breaker is open");
            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(b.readiness().ready()).isFalse();
            assertThat(b.readiness().detail()).contains("circuit open");
        }
    }

    @Test
    void client_errors_do_not_open_the_breaker() {
        try (OpenAiBackend b = backend(server, Duration.ofHours(1))) {
            server.defaultReply(Reply.status(422));
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> b.complete(request())).isInstanceOf(ClinigateException.class);
            }
            assertThat(b.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(b.readiness().ready()).isTrue();
        }
    }

    @Test
    void after_the_open_period_trial_calls_close_the_breaker_again() throws Exception {
        try (OpenAiBackend b = backend(server, Duration.ofMillis(50))) {
            server.defaultReply(Reply.malformedJson());
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> b.complete(request())).isInstanceOf(ClinigateException.class);
            }
            assertThat(b.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
            Thread.sleep(200);
            server.defaultReply(Reply.text("Back."));
            assertThat(b.complete(request()).content()).isEqualTo("Back.");
            assertThat(b.complete(request()).content()).isEqualTo("Back.");
            assertThat(b.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }
}
