package org.clinigate.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;

class GoldDocumentTest {

    private static final String TEXT = "Pt Jane Doe seen 3/14.";

    @Test
    void accepts_sorted_spans_within_the_text() {
        GoldDocument doc = new GoldDocument("d1", NoteStyle.NURSING_NOTE, "p1", TEXT,
                List.of(new PhiSpan(3, 11, PhiCategory.NAME), new PhiSpan(17, 21, PhiCategory.DATE)));
        assertThat(doc.spans()).hasSize(2);
    }

    @Test
    void rejects_a_span_past_the_end_of_the_text() {
        assertThatThrownBy(() -> new GoldDocument("d1", NoteStyle.NURSING_NOTE, "p1", TEXT,
                List.of(new PhiSpan(17, TEXT.length() + 1, PhiCategory.DATE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CG-1008")
                .hasMessageNotContaining("Jane");
    }

    @Test
    void rejects_overlapping_or_unsorted_spans() {
        assertThatThrownBy(() -> new GoldDocument("d1", NoteStyle.NURSING_NOTE, "p1", TEXT,
                List.of(new PhiSpan(3, 11, PhiCategory.NAME), new PhiSpan(8, 11, PhiCategory.NAME))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GoldDocument("d1", NoteStyle.NURSING_NOTE, "p1", TEXT,
                List.of(new PhiSpan(17, 21, PhiCategory.DATE), new PhiSpan(3, 11, PhiCategory.NAME))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_blank_ids() {
        assertThatThrownBy(() -> new GoldDocument(" ", NoteStyle.NURSING_NOTE, "p1", TEXT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GoldDocument("d1", NoteStyle.NURSING_NOTE, "", TEXT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copies_the_span_list() {
        List<PhiSpan> spans = new ArrayList<>(List.of(new PhiSpan(3, 11, PhiCategory.NAME)));
        GoldDocument doc = new GoldDocument("d1", NoteStyle.NURSING_NOTE, "p1", TEXT, spans);
        spans.clear();
        assertThat(doc.spans()).hasSize(1);
        assertThatThrownBy(() -> doc.spans().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void to_string_shows_sizes_but_never_text_or_patient_id() {
        GoldDocument doc = new GoldDocument("d1", NoteStyle.CHAT_QUESTION, "patient-secret", TEXT,
                List.of(new PhiSpan(3, 11, PhiCategory.NAME)));
        assertThat(doc.toString()).contains("d1", "CHAT_QUESTION", String.valueOf(TEXT.length()))
                .doesNotContain("Jane", "Doe", "3/14", "patient-secret");
    }

    @Test
    void generated_documents_never_show_text_in_to_string() {
        for (GoldDocument doc : new GoldCorpusGenerator(4L).generate(25)) {
            String shown = doc.toString();
            assertThat(shown).doesNotContain(doc.patientId());
            for (PhiSpan span : doc.spans()) {
                assertThat(shown).doesNotContain(doc.text().substring(span.start(), span.end()));
            }
        }
    }
}
