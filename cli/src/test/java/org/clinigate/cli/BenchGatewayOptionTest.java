package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchGatewayOptionTest {

    @Test
    void a_backend_jitter_beyond_the_delay_exits_2_before_anything_starts() {
        int[] exit = new int[1];
        String out = CliRun.run(exit, "bench", "gateway", "--backend-delay-ms", "10", "--backend-jitter-ms", "20");
        assertThat(exit[0]).isEqualTo(2);
        assertThat(out).doesNotContain("bench gateway:");
    }
}
