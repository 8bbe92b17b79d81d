package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `clinigate model pull` and `model list` end to end, against a loopback hub that wants a token. */
class ModelCommandTest {

    static final String TOKEN = "hf_CliSecret987654321";
    static final byte[] DATA = new byte[300_000];

    @TempDir
    Path dir;
    HttpServer hub;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedOut;
    PrintStream savedErr;

    @BeforeEach
    void start() throws Exception {
        new Random(5).nextBytes(DATA);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DATA));
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/acme/tiny-GGUF/resolve/main/tiny.gguf", ex -> {
            try (ex) {
                if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
                ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
                ex.sendResponseHeaders(200, DATA.length);
                ex.getResponseBody().write(DATA);
            }
        });
        hub.start();
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        ModelCommand.environment = System.getenv();
        hub.stop(0);
    }

    void environment(String token) {
        String endpoint = "http://127.0.0.1:" + hub.getAddress().getPort();
        ModelCommand.environment = token == null
                ? Map.of("CLINIGATE_HF_ENDPOINT", endpoint, "CLINIGATE_MODELS_DIR", dir.toString())
                : Map.of("CLINIGATE_HF_ENDPOINT", endpoint, "CLINIGATE_MODELS_DIR", dir.toString(), "HF_TOKEN", token);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pull_downloads_verifies_and_list_shows_it_without_ever_printing_the_token() throws IOException {
        environment(TOKEN);

        int pulled = Main.execute("model", "pull", "--repo", "acme/tiny-GGUF", "--file", "tiny.gguf");
        int listed = Main.execute("model", "list");

        assertThat(pulled).isZero();
        assertThat(listed).isZero();
        assertThat(Files.readAllBytes(dir.resolve("tiny.gguf"))).isEqualTo(DATA);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("verified against Hugging Face")
                .containsPattern("medgemma-4b-it +medgemma-4b-it-Q4_K_M.gguf +not downloaded")
                .containsPattern("- +tiny.gguf +downloaded, 300000 B, sha256 verified");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tiny.gguf");
        assertThat(printed()).doesNotContain(TOKEN);
    }

    @Test
    void a_refused_pull_exits_65_with_advice_about_hf_token_and_the_terms() {
        environment(null);

        int code = Main.execute("model", "pull", "--quiet", "--repo", "acme/tiny-GGUF", "--file", "tiny.gguf");

        assertThat(code).isEqualTo(65);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: CG-1010: HTTP 401", "HF_TOKEN is not set",
                "accept the model's terms");
    }

    @Test
    void an_unknown_model_id_exits_65_naming_the_known_ones() {
        environment(null);

        int code = Main.execute("model", "pull", "no-such-model");

        assertThat(code).isEqualTo(65);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CG-1001", "medgemma-4b-it, medgemma-27b-text-it");
    }
}
