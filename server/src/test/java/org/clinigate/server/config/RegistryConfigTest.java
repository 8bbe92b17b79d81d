package org.clinigate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clinigate.core.registry.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

    @TempDir
    Path dir;

    @Test
    void thresholds_come_from_the_yaml_file_and_the_environment() throws Exception {
        Path yaml = dir.resolve("c.yaml");
        Files.writeString(yaml, """
                registry:
                  thresholds:
                    - {metric: accuracy, min: 0.7}
                    - {metric: redteam.over_refusal, max: 0.1}
                """);
        Thresholds t = new ConfigLoader().load(yaml, Map.of()).registry().asThresholds();
        assertThat(t.bounds()).containsOnlyKeys("accuracy", "redteam.over_refusal");
        assertThat(t.failures(Map.of("accuracy", 0.75, "redteam.over_refusal", 0.05))).isEmpty();
        assertThat(t.failures(Map.of("accuracy", 0.65, "redteam.over_refusal", 0.05))).hasSize(1);

        Thresholds fromEnv = new ConfigLoader().load(null, Map.of("CLINIGATE_REGISTRY_THRESHOLDS_0_METRIC",
                "redteam.pass_rate", "CLINIGATE_REGISTRY_THRESHOLDS_0_MIN", "0.95")).registry().asThresholds();
        assertThat(fromEnv.failures(Map.of("redteam.pass_rate", 0.9))).hasSize(1);
        assertThat(new ConfigLoader().load(null, Map.of()).registry().thresholds()).isEmpty();
    }

    @Test
    void the_example_configuration_loads_with_its_thresholds() {
        GatewayConfig c = new ConfigLoader().load(Path.of("..", "clinigate.example.yaml"), Map.of());
        assertThat(c.registry().asThresholds().bounds()).containsKeys("medqa.accuracy", "redteam.pass_rate",
                "redteam.over_refusal_rate");
    }

    @Test
    void a_threshold_without_a_bound_or_with_min_above_max_fails_naming_the_setting() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "registry:\n  thresholds:\n    - {metric: accuracy}\n");
        assertThatThrownBy(() -> new ConfigLoader().load(yaml, Map.of()))
                .hasMessageContaining("registry.thresholds[0]");
        Files.writeString(yaml, "registry:\n  thresholds:\n    - {metric: accuracy, min: 0.9, max: 0.1}\n");
        assertThatThrownBy(() -> new ConfigLoader().load(yaml, Map.of()))
                .hasMessageContaining("registry.thresholds[0]");
        Files.writeString(yaml, "backends:\n  - {name: v, type: openai, url: 'http://x', models: [m], lora_path: a}\n");
        assertThatThrownBy(() -> new ConfigLoader().load(yaml, Map.of())).hasMessageContaining("lora_path");
    }
}
