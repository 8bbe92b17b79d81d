package org.clinigate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.embed.Embedders;
import org.clinigate.knowledge.embed.MiniLmEmbedder;
import org.clinigate.knowledge.embed.StaticEmbedder;
import org.clinigate.knowledge.embed.StaticTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexes of static vectors: never mixed with the model's, found again by their setting, searched by meaning. */
class StaticIndexTest {

    static StaticEmbedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        embedder = StaticTables.full();
    }

    @AfterAll
    static void unload() {
        embedder.close();
    }

    @Test
    void an_index_of_static_vectors_refuses_the_model_and_the_model_s_index_refuses_static_vectors() {
        Path staticDir = dir.resolve("static");
        Path modelDir = dir.resolve("model");
        try (KnowledgeIndex index = KnowledgeIndex.open(staticDir, embedder)) {
            index.add(KnowledgeIndexTest.WARFARIN);
        }
        try (KnowledgeIndex index = KnowledgeIndex.open(modelDir, Embedders.MODEL)) {
            index.add(KnowledgeIndexTest.WARFARIN);
        }
        assertThatThrownBy(() -> KnowledgeIndex.open(staticDir, Embedders.MODEL)).isInstanceOfSatisfying(
                ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_5005);
                    assertThat(e.getMessage()).contains(StaticEmbedder.MODEL_ID, MiniLmEmbedder.MODEL_ID);
                });
        assertThatThrownBy(() -> KnowledgeIndex.open(modelDir, embedder)).isInstanceOfSatisfying(
                ClinigateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CG_5005));
        assertThat(KnowledgeIndex.recordedModel(staticDir)).contains(StaticEmbedder.MODEL_ID);
        assertThat(KnowledgeIndex.recordedModel(modelDir)).contains(MiniLmEmbedder.MODEL_ID);
    }

    @Test
    void opening_without_a_setting_uses_the_embedder_the_index_was_built_with() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, embedder)) {
            index.add(KnowledgeIndexTest.SEPSIS);
        }
        String before = System.getProperty(Embedders.CACHE_PROPERTY);
        System.setProperty(Embedders.CACHE_PROPERTY, StaticTables.fullCacheDir().toString());
        try (KnowledgeIndex index = KnowledgeIndex.open(dir)) {
            assertThat(index.modelId()).isEqualTo(StaticEmbedder.MODEL_ID);
            assertThat(index.search("lactate in septic shock", 1).get(0).chunk().sourceId()).isEqualTo("sepsis");
        } finally {
            if (before == null) {
                System.clearProperty(Embedders.CACHE_PROPERTY);
            } else {
                System.setProperty(Embedders.CACHE_PROPERTY, before);
            }
        }
        assertThat(KnowledgeIndex.recordedModel(dir.resolve("none"))).isEmpty();
    }

    @Test
    void an_unknown_embedder_setting_is_refused_with_the_allowed_values() {
        assertThatThrownBy(() -> KnowledgeIndex.open(dir, "bge-small")).isInstanceOfSatisfying(
                ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_1001);
                    assertThat(e.getMessage()).contains("model", "static", "bge-small");
                });
    }

    @Test
    void a_paraphrased_question_finds_its_passage_through_static_vectors() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, embedder)) {
            index.addAll(ParaphraseFixture.documents());
            List<Passage> hits = index.search(ParaphraseFixture.QUESTION, 3);
            assertThat(hits.get(0).chunk().sourceId()).isEqualTo(ParaphraseFixture.ANSWER_SOURCE);
            assertThat(hits.get(0).vectorRank()).isEqualTo(1);
        }
    }
}
