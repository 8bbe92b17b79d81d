package org.clinigate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.clinigate.knowledge.embed.MiniLmEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ONNX model, loaded once for the class: semantic matches that share no words with the query. */
class MiniLmIndexIT {

    static MiniLmEmbedder model;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = new MiniLmEmbedder();
    }

    @AfterAll
    static void unload() {
        model.close();
    }

    @Test
    void vectors_are_unit_length_and_similar_sentences_are_closer() {
        List<float[]> v = model.embed(List.of("heart attack", "myocardial infarction", "paediatric fever"));
        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(dot(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)));
    }

    @Test
    void a_paraphrased_question_finds_its_passage_through_the_vector_list() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, model)) {
            index.addAll(ParaphraseFixture.documents());
            List<Passage> hits = index.search(ParaphraseFixture.QUESTION, 3);
            assertThat(hits.get(0).chunk().sourceId()).isEqualTo(ParaphraseFixture.ANSWER_SOURCE);
            assertThat(hits.get(0).vectorRank()).isEqualTo(1);
            assertThat(index.modelId()).isEqualTo(MiniLmEmbedder.MODEL_ID);
        }
    }

    @Test
    void batched_vectors_match_the_reference_encoder_of_the_model_artifact() {
        List<String> texts = List.of("INR", "Check the INR every few days when warfarin is started.",
                "Infants under three months with a temperature of 38 C need urgent assessment. ".repeat(4));
        var reference = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        List<float[]> ours = model.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = reference.embed(texts.get(i)).content().vector();
            double norm = Math.sqrt(dot(theirs, theirs));
            assertThat(dot(ours.get(i), theirs) / norm).as(texts.get(i)).isGreaterThan(0.999);
        }
        assertThat(model.embed(List.of(texts.get(2), texts.get(0))).get(1)).as("a vector never depends on its batch")
                .containsExactly(model.embed(texts.get(0)));
        assertThat(model.embed(List.of())).isEmpty();
        assertThat(model.embed(" ")).hasSize(384);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
