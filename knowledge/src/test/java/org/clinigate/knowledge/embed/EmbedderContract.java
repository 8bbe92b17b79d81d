package org.clinigate.knowledge.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** What every {@link Embedder} must do; each implementation's test extends this. */
public abstract class EmbedderContract {

    /** The embedder under test, shared by the class; the subclass closes it. */
    protected abstract Embedder embedder();

    @Test
    void the_same_text_always_gets_the_same_vector_alone_or_in_a_list() {
        String text = "Check the INR every few days when warfarin is started.";
        float[] alone = embedder().embed(text);
        assertThat(embedder().embed(text)).containsExactly(alone);
        List<String> batch = List.of("Paediatric fever", text, "x".repeat(50), "a", "b", "c", "d", "e", "f");
        assertThat(embedder().embed(batch).get(1)).containsExactly(alone);
        assertThat(embedder().embed(List.of())).isEmpty();
    }

    @Test
    void every_vector_has_unit_length_and_the_declared_dimension() {
        List<float[]> vectors = embedder().embed(List.of("heart attack", "Keep the INR between 2 and 3.",
                "Infants under three months with a temperature of 38 C need urgent assessment."));
        assertThat(vectors).hasSize(3).allSatisfy(this::assertUnit);
    }

    @Test
    void empty_and_white_space_only_texts_get_unit_vectors() {
        for (String blank : List.of("", " ", "\n\t  \n")) {
            assertUnit(embedder().embed(blank));
        }
    }

    @Test
    void a_very_long_text_gets_a_unit_vector() {
        String longText = "Reassess the patient after each dose and record the response. ".repeat(5_000);
        assertUnit(embedder().embed(longText));
    }

    @Test
    void a_non_ascii_script_gets_its_own_unit_vector() {
        float[] greek = embedder().embed("Καρδιακή ανεπάρκεια και αρτηριακή πίεση");
        float[] russian = embedder().embed("Сердечная недостаточность и давление");
        assertUnit(greek);
        assertUnit(russian);
        assertThat(greek).as("not the vector of a text without words").isNotEqualTo(embedder().embed(""));
        assertThat(greek).isNotEqualTo(russian);
    }

    protected void assertUnit(float[] v) {
        assertThat(v).hasSize(embedder().dimension());
        assertThat(dot(v, v)).isCloseTo(1.0, Offset.offset(1e-4));
    }

    protected static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
