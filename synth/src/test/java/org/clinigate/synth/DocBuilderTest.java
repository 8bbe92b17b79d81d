package org.clinigate.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;

class DocBuilderTest {

    @Test
    void records_spans_over_exactly_the_appended_identifier() {
        DocBuilder b = new DocBuilder(DocBuilder.Casing.AS_IS);
        b.text("Dr. ").phi(PhiCategory.NAME, "Maria Lopez").text(", MRN: ").phi(PhiCategory.MRN, "12345678");
        assertThat(b.spans()).containsExactly(new PhiSpan(4, 15, PhiCategory.NAME),
                new PhiSpan(22, 30, PhiCategory.MRN));
        assertThat(b.text().substring(4, 15)).isEqualTo("Maria Lopez");
    }

    @Test
    void casing_applies_to_every_piece_before_offsets_are_taken() {
        DocBuilder b = new DocBuilder(DocBuilder.Casing.UPPER);
        b.text("pt ").phi(PhiCategory.NAME, "Zoë O'Brien").text(" seen");
        assertThat(b.text()).isEqualTo("PT ZOË O'BRIEN SEEN");
        assertThat(b.text().substring(b.spans().get(0).start(), b.spans().get(0).end())).isEqualTo("ZOË O'BRIEN");
    }

    @Test
    void reset_rolls_back_text_and_spans() {
        DocBuilder b = new DocBuilder(DocBuilder.Casing.LOWER);
        b.text("a ");
        DocBuilder.Mark mark = b.mark();
        b.phi(PhiCategory.LOCATION, "x");
        b.reset(mark);
        assertThat(b.text()).isEqualTo("a ");
        assertThat(b.spans()).isEmpty();
    }

    @Test
    void refuses_blank_or_untrimmed_identifiers() {
        DocBuilder b = new DocBuilder(DocBuilder.Casing.AS_IS);
        assertThatThrownBy(() -> b.phi(PhiCategory.NAME, " Maria")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Maria");
        assertThatThrownBy(() -> b.phi(PhiCategory.NAME, "  ")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void trimming_the_end_keeps_every_span() {
        DocBuilder b = new DocBuilder(DocBuilder.Casing.AS_IS);
        b.text("seen by ").phi(PhiCategory.NAME, "Patel").text(" \n ");
        b.trimEnd();
        assertThat(b.text()).isEqualTo("seen by Patel");
        assertThat(b.spans()).containsExactly(new PhiSpan(8, 13, PhiCategory.NAME));
    }
}
