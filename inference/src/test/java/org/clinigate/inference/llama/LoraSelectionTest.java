package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Per-request LoRA selection in-process (ADR 0018). Each case runs in a child JVM, because a native failure in
 * llama.cpp aborts the process instead of throwing; the parent reads what the child printed.
 */
class LoraSelectionTest {

    static final Path DIR = Path.of("target", "test-models");

    static Map<String, String> child(String main, List<String> args, String... jvmFlags)
            throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main, DIR.toString()));
        cmd.addAll(args);
        Path log = Files.createTempFile(DIR, "child", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("child JVM ended; output: " + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("FAILED=");
        Map<String, String> lines = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Z_0-9.-]+|none|[0-9.]+")) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return lines;
    }

    @Test
    void a_selected_adapter_changes_the_answer_for_that_request_only_and_the_base_stays_the_base() throws Exception {
        Map<String, String> r = child(LoraSelectionMain.class.getName(), List.of());
        assertThat(r.get("BASE")).isNotBlank().isEqualTo(r.get("PLAIN"));
        assertThat(r.get("ADAPTER")).isNotBlank().isNotEqualTo(r.get("BASE"));
        assertThat(r.get("BASE_AGAIN")).isEqualTo(r.get("BASE"));
        assertThat(r.get("OTHER")).isEqualTo("CG-7108");
        assertThat(r.get("UNLOADED")).isEqualTo("CG-7108");
    }

    @Test
    void the_binding_applies_a_load_time_adapter_at_scale_1_unless_a_request_names_its_scale() throws Exception {
        // What ADR 0018 rests on: with --lora-init-without-apply the adapter is still applied to a request that
        // sends no "lora" field, so the backend always sends one.
        Map<String, String> withAdapter = child(LoraProbe.class.getName(), List.of("none", "0", "1"));
        Map<String, String> base = child(LoraProbe.class.getName(), List.of("none"), "-Dprobe.base=true");
        assertThat(withAdapter.get("none")).isEqualTo(withAdapter.get("1"));
        assertThat(withAdapter.get("0")).isEqualTo(base.get("none"));
        assertThat(withAdapter.get("1")).isNotEqualTo(withAdapter.get("0"));
    }
}
