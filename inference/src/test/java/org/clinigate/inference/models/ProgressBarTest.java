package org.clinigate.inference.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final AtomicLong now = new AtomicLong();

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_line_shows_percent_megabytes_speed_and_time_left() {
        String line = ProgressBar.line("m.gguf", 250_000_000, 1_000_000_000, 5_000_000);

        assertThat(line).isEqualTo("m.gguf [######..................]  25.0%  250.0/1000.0 MB  5.0 MB/s  ETA 2:30");
    }

    @Test
    void a_line_without_a_known_size_or_speed_says_so() {
        assertThat(ProgressBar.line("m.gguf", 1_500_000, -1, 0)).isEqualTo("m.gguf  1.5 MB  -- MB/s");
        assertThat(ProgressBar.line("m.gguf", 0, 10, 0)).endsWith("-- MB/s  ETA --:--");
        assertThat(ProgressBar.duration(3 * 3600 + 65)).isEqualTo("3:01:05");
    }

    @Test
    void on_a_terminal_it_redraws_one_line_at_most_every_200_ms() {
        ProgressBar bar = new ProgressBar(out, true, now::get);
        bar.begin("m.gguf", 0, 1000);
        bar.advance(100);
        now.addAndGet(50_000_000);
        bar.advance(200);
        now.addAndGet(200_000_000);
        bar.advance(300);
        bar.end(true);

        String s = printed();
        assertThat(s.chars().filter(c -> c == '\r')).hasSize(3);
        assertThat(s).doesNotContain(" 20.0%").contains(" 10.0%", " 30.0%").endsWith(System.lineSeparator());
        assertThat(s.chars().filter(c -> c == '\n')).hasSize(1);
    }

    @Test
    void off_a_terminal_it_prints_plain_lines_at_each_tenth() {
        ProgressBar bar = new ProgressBar(out, false, now::get);
        bar.begin("m.gguf", 0, 1000);
        for (long done = 10; done <= 1000; done += 10) {
            now.addAndGet(1_000_000);
            bar.advance(done);
        }
        bar.end(true);

        assertThat(printed()).doesNotContain("\r");
        assertThat(printed().lines()).hasSize(10).last().asString().contains("100.0%");
    }

    @Test
    void an_interrupted_transfer_says_so() {
        ProgressBar bar = new ProgressBar(out, false, now::get);
        bar.begin("m.gguf", 500, 1000);
        bar.advance(550);
        bar.end(false);

        assertThat(printed().lines()).singleElement().asString().contains(" 55.0%", "(interrupted)");
    }
}
