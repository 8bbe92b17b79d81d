package org.clinigate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.embed.HashingEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexTest {

    static final HashingEmbedder EMBEDDER = new HashingEmbedder(64);

    @TempDir
    Path dir;

    static SourceDocument doc(String id, String specialty, String text) {
        return SourceDocument.plain(id, SourceMetadata.titled("Title " + id).withSpecialty(specialty), text);
    }

    static final SourceDocument WARFARIN = doc("warfarin", "haematology",
            "Check the INR every few days when warfarin is started. Most patients aim for an INR of 2.0 to 3.0.");
    static final SourceDocument SEPSIS = doc("sepsis", "emergency",
            "Give antimicrobials within one hour when septic shock is possible. Measure lactate.");
    static final SourceDocument FEVER = doc("fever", "paediatrics",
            "An infant younger than 3 months with a temperature of 38 C or more is at high risk.");

    @Test
    void finds_the_passage_that_answers_and_keeps_its_exact_text_and_metadata() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            index.addAll(List.of(WARFARIN, SEPSIS, FEVER));
            List<Passage> hits = index.search("how often to check INR on warfarin", 3);
            assertThat(hits).isNotEmpty();
            Passage top = hits.get(0);
            assertThat(top.chunk().sourceId()).isEqualTo("warfarin");
            assertThat(top.chunk().text()).isEqualTo(WARFARIN.text());
            assertThat(top.source().title()).isEqualTo("Title warfarin");
            assertThat(top.source().specialty()).isEqualTo("haematology");
            assertThat(top.lexicalRank()).isEqualTo(1);
            assertThat(top.score()).isGreaterThan(hits.get(hits.size() - 1).score() - 1e-12);
        }
    }

    @Test
    void filters_by_specialty_and_source() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            index.addAll(List.of(WARFARIN, SEPSIS, FEVER));
            assertThat(index.search("INR warfarin lactate temperature", 5, SearchFilter.specialty("Emergency")))
                    .extracting(p -> p.chunk().sourceId()).containsExactly("sepsis");
            assertThat(index.search("INR warfarin lactate temperature", 5, SearchFilter.source("fever", "warfarin")))
                    .extracting(p -> p.chunk().sourceId()).containsExactlyInAnyOrder("fever", "warfarin");
        }
    }

    @Test
    void re_adding_a_source_replaces_it_and_remove_deletes_it() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            index.addAll(List.of(WARFARIN, SEPSIS));
            index.add(doc("warfarin", "haematology", "Replaced text about vitamin K."));
            assertThat(index.list()).extracting(IndexedSource::id).containsExactly("sepsis", "warfarin");
            assertThat(index.chunkCount()).isEqualTo(2);
            assertThat(index.search("vitamin K", 1).get(0).chunk().text()).isEqualTo("Replaced text about vitamin K.");
            assertThat(index.remove("warfarin")).isTrue();
            assertThat(index.remove("warfarin")).isFalse();
            assertThat(index.list()).extracting(IndexedSource::id).containsExactly("sepsis");
            assertThat(index.search("vitamin K warfarin INR", 5)).extracting(p -> p.chunk().sourceId())
                    .containsOnly("sepsis");
        }
    }

    @Test
    void committed_documents_survive_a_reopen() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            index.add(WARFARIN);
            index.commit();
            index.add(SEPSIS);
        }
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            assertThat(index.list()).extracting(IndexedSource::id).containsExactly("sepsis", "warfarin");
            IndexedSource w = index.get("warfarin").orElseThrow();
            assertThat(w.chunks()).isEqualTo(1);
            assertThat(w.chars()).isEqualTo(WARFARIN.text().length());
        }
    }

    @Test
    void an_index_built_by_another_model_is_refused() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            index.add(WARFARIN);
        }
        assertThatThrownBy(() -> KnowledgeIndex.open(dir, new HashingEmbedder(32))).isInstanceOfSatisfying(
                ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_5005);
                    assertThat(e.getMessage()).contains("hashing-64");
                });
    }

    @Test
    void a_second_open_of_the_same_directory_is_refused_while_the_first_holds_it() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            assertThatThrownBy(() -> KnowledgeIndex.open(dir, EMBEDDER)).isInstanceOfSatisfying(
                    ClinigateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CG_5005));
        }
    }

    @Test
    void a_query_of_only_stop_words_still_gets_vector_results() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            index.add(WARFARIN);
            assertThat(index.search("the and of", 3)).hasSize(1).allSatisfy(p -> assertThat(p.lexicalRank())
                    .isZero());
        }
    }

    @Test
    void a_document_without_text_is_refused() {
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, EMBEDDER)) {
            assertThatThrownBy(() -> index.addAll(List.of(WARFARIN, doc("empty", "", "  \n\n "))))
                    .isInstanceOfSatisfying(ClinigateException.class, e -> assertThat(e.code()).isEqualTo(
                            ErrorCode.CG_5003));
            assertThat(index.list()).as("nothing of the failed call was written").isEmpty();
        }
    }
}
