package org.clinigate.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;

class GoldJsonlTest {

    @Test
    void round_trips_a_generated_corpus() {
        List<GoldDocument> corpus = new GoldCorpusGenerator(12L).generate(150);
        StringWriter out = new StringWriter();
        GoldJsonl.write(corpus, out);
        assertThat(out.toString().lines()).hasSize(150);
        assertThat(GoldJsonl.read(new StringReader(out.toString()))).isEqualTo(corpus);
    }

    @Test
    void writes_one_object_per_line_with_fields_in_order() {
        GoldDocument doc = new GoldDocument("d1", NoteStyle.NURSING_NOTE, "p1", "Maria\nseen",
                List.of(new PhiSpan(0, 5, PhiCategory.NAME)));
        StringWriter out = new StringWriter();
        GoldJsonl.write(List.of(doc), out);
        assertThat(out.toString()).isEqualTo("{\"id\":\"d1\",\"style\":\"NURSING_NOTE\",\"patientId\":\"p1\","
                + "\"text\":\"Maria\\nseen\",\"spans\":[{\"start\":0,\"end\":5,\"category\":\"NAME\"}]}\n");
    }

    @Test
    void writes_a_slice_of_the_endless_stream() {
        StringWriter out = new StringWriter();
        GoldJsonl.write(() -> new GoldCorpusGenerator(1L).stream().limit(7).iterator(), out);
        assertThat(GoldJsonl.read(new StringReader(out.toString()))).hasSize(7);
    }

    @Test
    void skips_blank_lines() {
        String line = "{\"id\":\"d1\",\"style\":\"CHAT_QUESTION\",\"patientId\":\"p1\",\"text\":\"hello there\","
                + "\"spans\":[]}";
        assertThat(GoldJsonl.read(new StringReader("\n" + line + "\n\n"))).hasSize(1);
    }

    @Test
    void malformed_json_names_the_line_but_not_its_text() {
        String good = "{\"id\":\"d1\",\"style\":\"CHAT_QUESTION\",\"patientId\":\"p1\",\"text\":\"ok text\",\"spans\":[]}";
        String bad = "{\"id\":\"d2\",\"text\":\"John Secretname 555-0142\",";
        assertThatThrownBy(() -> GoldJsonl.read(new StringReader(good + "\n" + bad + "\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2")
                .hasMessageNotContaining("Secretname").hasMessageNotContaining("555").hasNoCause();
    }

    @Test
    void wrong_shapes_name_the_line_but_not_its_text() {
        List<String> lines = List.of(
                "[1,2,3]",
                "{\"id\":\"d1\",\"style\":\"CHAT_QUESTION\",\"patientId\":\"p1\",\"text\":\"Secretname\"}",
                "{\"id\":\"d1\",\"style\":\"POEM\",\"patientId\":\"p1\",\"text\":\"Secretname\",\"spans\":[]}",
                "{\"id\":\"d1\",\"style\":\"CHAT_QUESTION\",\"patientId\":\"p1\",\"text\":\"Secretname\","
                        + "\"spans\":[{\"start\":0,\"end\":99,\"category\":\"NAME\"}]}",
                "{\"id\":\"d1\",\"style\":\"CHAT_QUESTION\",\"patientId\":\"p1\",\"text\":\"Secretname\","
                        + "\"spans\":[{\"start\":0,\"end\":3,\"category\":\"PET\"}]}",
                "{\"id\":\"d1\",\"style\":\"CHAT_QUESTION\",\"patientId\":\"p1\",\"text\":\"Secretname\","
                        + "\"spans\":[{\"start\":\"0\",\"end\":3,\"category\":\"NAME\"}]}",
                "{\"id\":\"d1\"} trailing Secretname");
        for (String line : lines) {
            assertThatThrownBy(() -> GoldJsonl.read(new StringReader("\n\n" + line)))
                    .as(line).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3")
                    .hasMessageNotContaining("Secretname");
        }
    }
}
