package org.clinigate.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static List<String> events(String stream, int maxLine) throws IOException {
        SseReader r = new SseReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), maxLine);
        List<String> out = new ArrayList<>();
        for (String d = r.next(); d != null; d = r.next()) {
            out.add(d);
        }
        return out;
    }

    @Test
    void reads_data_of_each_event_skipping_comments_and_other_fields() throws IOException {
        String s = ": keep-alive\n\nevent: message\nid: 3\ndata: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\ndata: [DONE]\n\n";
        assertThat(events(s, 1024)).containsExactly("{\"a\":1}", "{\"b\":2}", "[DONE]");
    }

    @Test
    void joins_multi_line_data_and_keeps_a_last_event_without_blank_line() throws IOException {
        assertThat(events("data: one\ndata: two\n\ndata: tail", 1024)).containsExactly("one\ntwo", "tail");
    }

    @Test
    void decodes_utf8_split_anywhere() throws IOException {
        assertThat(events("data: {\"c\":\"Ærø 😀\"}\n\n", 1024)).containsExactly("{\"c\":\"Ærø 😀\"}");
    }

    @Test
    void a_line_over_the_limit_is_a_malformed_answer() {
        assertThatThrownBy(() -> events("data: " + "x".repeat(5000) + "\n\n", 1024))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("CG-2103");
    }
}
