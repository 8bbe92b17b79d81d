package org.clinigate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path p = dir.resolve("clinigate.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void defaults_apply_without_a_file() {
        GatewayConfig c = loader.load(null, Map.of());
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.backends()).isEmpty();
    }

    @Test
    void environment_overrides_the_file_including_multi_word_keys_and_list_entries() throws IOException {
        Path file = yaml("""
                server:
                  port: 9000
                backends:
                  - name: vllm-27b
                    type: openai
                    url: http://gpu-box:8000/v1
                    models: [medgemma-27b]
                """);
        GatewayConfig c = loader.load(file, Map.of("CLINIGATE_SERVER_PORT", "9090",
                "CLINIGATE_SERVER_MAX_BODY_BYTES", "2048", "CLINIGATE_BACKENDS_0_MODELS", "a, b",
                "CLINIGATE_BACKENDS_1_NAME", "local", "CLINIGATE_BACKENDS_1_TYPE", "llama-cpp",
                "CLINIGATE_BACKENDS_1_MODEL_PATH", "m.gguf", "CLINIGATE_BACKENDS_1_MODELS", "medgemma-4b",
                "CLINIGATE_JAVA_OPTS", "-Xmx1g", "HOME", "/root"));
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.server().maxBodyBytes()).isEqualTo(2048);
        assertThat(c.backends()).hasSize(2);
        assertThat(c.backends().get(0).models()).containsExactly("a", "b");
        assertThat(c.backends().get(0).retries()).isEqualTo(2);
        assertThat(c.backends().get(1).modelPath()).isEqualTo("m.gguf");
    }

    @Test
    void a_wrong_setting_fails_fast_and_names_it() throws IOException {
        assertThatThrownBy(() -> loader.load(yaml("server:\n  prot: 1\n"), Map.of()))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("server.prot")
                .hasMessageContaining("port");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_SERVER_PORT", "eighty")))
                .hasMessageContaining("server.port");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_SERVER_PORT", "70000")))
                .hasMessageContaining("server.port").hasMessageContaining("65535");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_SERVR_PORT", "1")))
                .hasMessageContaining("CLINIGATE_SERVR_PORT");
        assertThatThrownBy(() -> loader.load(yaml("backends:\n  - name: x\n    type: openai\n    models: [m]\n"),
                Map.of())).hasMessageContaining("backends[0].url");
        assertThatThrownBy(() -> loader.load(yaml("""
                backends:
                  - {name: a, type: openai, url: "http://h/v1", models: [m]}
                  - {name: b, type: openai, url: "http://h/v1", models: [m]}
                """), Map.of())).hasMessageContaining("backends[1].models").hasMessageContaining("two backends");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"), Map.of())).hasMessageContaining("--config");
    }
}
