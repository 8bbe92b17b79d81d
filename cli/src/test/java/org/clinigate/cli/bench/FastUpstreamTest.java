package org.clinigate.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastUpstreamTest {

    @Test
    void a_jitter_larger_than_the_delay_is_refused() {
        assertThatThrownBy(() -> new FastUpstream(10, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and the delay");
        assertThatThrownBy(() -> new FastUpstream(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_jitter_each_answer_waits_at_least_the_delay_less_the_jitter_and_the_waits_differ() throws Exception {
        List<Long> micros = new ArrayList<>();
        try (FastUpstream up = new FastUpstream(40, 30); HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(up.baseUrl().resolve("/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build();
            for (int i = 0; i < 16; i++) {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("chat.completion");
                micros.add(Long.parseLong(r.headers().firstValue("X-Backend-Time-Us").orElseThrow()));
            }
        }
        // Thread.sleep never wakes early: every answer took at least 40 - 30 ms. With waits drawn from 61 values,
        // sixteen answers that all fall within 5 ms of each other would mean the draw is not being used.
        assertThat(micros).allSatisfy(us -> assertThat(us).isGreaterThanOrEqualTo(10_000));
        long spread = micros.stream().mapToLong(Long::longValue).max().orElseThrow()
                - micros.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(spread).isGreaterThan(5_000);
    }
}
