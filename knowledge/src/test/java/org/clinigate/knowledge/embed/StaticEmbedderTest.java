package org.clinigate.knowledge.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The full static table, distilled once for the test JVM, against the embedder contract and for meaning. */
class StaticEmbedderTest extends EmbedderContract {

    static StaticEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = StaticTables.full();
    }

    @AfterAll
    static void unload() {
        embedder.close();
    }

    @Override
    protected Embedder embedder() {
        return embedder;
    }

    @Test
    void related_medical_phrases_are_closer_than_unrelated_ones() {
        String[][] cases = {
                {"heart attack", "myocardial infarction", "tax return"},
                {"high blood pressure", "hypertension", "football match"},
                {"kidney failure", "renal impairment", "summer holiday"},
                {"low blood sugar", "hypoglycaemia", "train timetable"}};
        for (String[] c : cases) {
            float[] anchor = embedder.embed(c[0]);
            assertThat(dot(anchor, embedder.embed(c[1]))).as(c[0] + " ~ " + c[1]).isGreaterThan(dot(anchor,
                    embedder.embed(c[2])));
        }
    }

    @Test
    void only_the_first_max_chars_of_a_text_count() {
        StringBuilder head = new StringBuilder();
        while (head.length() < StaticEmbedder.MAX_CHARS) {
            head.append("Reassess the patient after each dose. ");
        }
        head.setLength(StaticEmbedder.MAX_CHARS);
        String tail = " tax return football match summer holiday".repeat(10_000);
        assertThat(embedder.embed(head + tail)).containsExactly(embedder.embed(head.toString()));
    }

    @Test
    void accents_fold_as_the_model_s_tokenizer_folds_them() {
        assertThat(embedder.embed("Fièvre chez le nourrisson")).containsExactly(embedder.embed(
                "fievre chez le nourrisson"));
    }

    @Test
    void a_text_of_only_pieces_without_a_vector_gets_the_vector_of_an_empty_text() {
        // Characters outside the vocabulary become [UNK], which has no vector.
        assertThat(embedder.pieces("\uD83E\uDDEC")).containsOnly(100L);
        assertThat(embedder.embed("\uD83E\uDDEC")).containsExactly(embedder.embed(""));
    }

    @Test
    void special_tokens_are_not_added_to_a_text() {
        assertThat(embedder.pieces("heart attack")).doesNotContain(101L, 102L).hasSize(2);
    }

    @Test
    void the_model_id_differs_from_the_source_model_s() {
        assertThat(embedder.modelId()).isEqualTo(StaticEmbedder.MODEL_ID).isNotEqualTo(MiniLmEmbedder.MODEL_ID);
        assertThat(embedder.dimension()).isEqualTo(384);
    }

    @Test
    void the_table_is_distilled_once_and_then_loaded_from_its_cache_file() throws IOException {
        List<Integer> calls = new ArrayList<>();
        try (StaticEmbedder again = StaticEmbedder.open(StaticTables.fullCacheDir(), (done, total) -> calls.add(
                done))) {
            assertThat(again.embed("heart attack")).containsExactly(embedder.embed("heart attack"));
        }
        assertThat(calls).as("progress is reported only while distilling").isEmpty();
        assertThat(StaticTables.fullBuilds()).isEqualTo(1);
        try (Stream<java.nio.file.Path> files = Files.list(StaticTables.fullCacheDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().satisfies(name -> assertThat(
                    name).startsWith(StaticEmbedder.MODEL_ID).endsWith(".table"));
        }
    }
}
