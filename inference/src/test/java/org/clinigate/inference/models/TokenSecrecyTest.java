package org.clinigate.inference.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HF token goes on the wire to the hub and nowhere else: not in messages, notices, progress or files. */
class TokenSecrecyTest {

    static final String TOKEN = "hf_TopSecretValue0123456789";
    static final String REPO = "acme/gated-GGUF";
    static final String FILE = "gated.gguf";
    static final byte[] DATA = FakeHub.bytes(1024 * 1024, 3);

    @TempDir
    Path dir;
    FakeHub hub;
    final List<String> said = new ArrayList<>();
    final ByteArrayOutputStream drawn = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        hub.serve(REPO, FILE, DATA);
        hub.viaCdn = true;
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    PullSettings settings(String endpoint) {
        return new PullSettings(PullSettings.uri(endpoint), dir, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(5),
                3, Duration.ofMillis(1));
    }

    Throwable pull(String endpoint, ModelSpec spec) {
        PrintStream out = new PrintStream(drawn, true, StandardCharsets.UTF_8);
        try (ModelDownloader d = new ModelDownloader(settings(endpoint), new ProgressBar(out, true, System::nanoTime),
                said::add)) {
            return catchThrowable(() -> d.pull(spec));
        }
    }

    @Test
    void the_token_appears_in_no_message_notice_progress_line_or_file() throws IOException {
        List<Throwable> failures = new ArrayList<>();
        hub.requiredToken = "hf_another";
        failures.add(pull(hub.endpoint(), ModelSpec.custom(REPO, FILE)));
        hub.requiredToken = TOKEN;
        failures.add(pull(hub.endpoint(), ModelSpec.custom(REPO, "absent.gguf")));
        failures.add(pull(hub.endpoint(), ModelSpec.custom(REPO, FILE).withSha256("1".repeat(64))));
        hub.dropAfterBytes = 100_000;
        hub.drops.set(1);
        failures.add(pull(hub.endpoint(), ModelSpec.custom(REPO, FILE)));
        failures.add(pull("http://127.0.0.1:" + closedPort(), ModelSpec.custom(REPO, "other.gguf")));

        assertThat(failures.subList(0, 3)).allSatisfy(t -> assertThat(t).isNotNull());
        assertThat(failures.get(3)).isNull();
        assertThat(failures.get(4)).hasMessageContaining("CG-1012");
        assertThat(said).isNotEmpty();
        assertThat(drawn.size()).isPositive();
        for (Throwable t : failures) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(TOKEN);
                assertThat(c.toString()).doesNotContain(TOKEN);
            }
        }
        assertThat(said).noneMatch(s -> s.contains(TOKEN));
        assertThat(drawn.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
        assertThat(settings(hub.endpoint()).toString()).doesNotContain(TOKEN).contains("token=****");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
