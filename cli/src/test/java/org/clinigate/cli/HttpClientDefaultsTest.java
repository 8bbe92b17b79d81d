package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A POST sent on a pooled connection that the server has closed while it sat idle is re-sent on a fresh one. Each
 * case runs in its own JVM, because the JDK's HTTP client reads these settings once.
 */
class HttpClientDefaultsTest {

    @Test
    void a_post_on_a_connection_the_server_closed_is_resent() throws Exception {
        assertThat(probe()).contains("first POST: 200", "second POST: 200");
    }

    @Test
    void without_the_default_the_same_post_fails_and_a_value_given_with_d_is_kept() throws Exception {
        assertThat(probe("-Djdk.httpclient.enableAllMethodRetry=false")).contains("first POST: 200",
                "second POST failed");
    }

    private static String probe(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StaleConnectionProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
