package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark runs and reports both paths; its figures are printed, never asserted. */
class LlamaThroughputTest {

    @Test
    void reports_a_median_for_the_backend_and_for_the_direct_binding() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LlamaThroughput.Result r = LlamaThroughput.run(TinyModel.backend(), 2, 16,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(r.backend()).hasSize(2);
        assertThat(r.direct()).hasSize(2);
        assertThat(r.tokens()).isBetween(1, 16);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("direct binding").contains("LlamaBackend")
                .doesNotContain("note:");
    }
}
