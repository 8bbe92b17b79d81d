package org.clinigate.knowledge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.embed.Embedders;
import org.clinigate.knowledge.embed.StaticEmbedder;
import org.clinigate.knowledge.embed.StaticTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBenchTest {

    @TempDir
    Path dir;

    @Test
    void a_small_model_free_run_indexes_every_chunk_and_prints_its_figures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KnowledgeBench.Result r = KnowledgeBench.run(new KnowledgeBench.Options(200, 20, "hashing", dir, 7),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(r.chunks()).isEqualTo(200);
        assertThat(r.p95Millis()).isGreaterThanOrEqualTo(r.p50Millis());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("ingest:", "p95", "200 chunks");
    }

    @Test
    void a_small_static_run_embeds_chunks_and_queries_with_static_vectors() {
        String before = System.getProperty(Embedders.CACHE_PROPERTY);
        System.setProperty(Embedders.CACHE_PROPERTY, StaticTables.fullCacheDir().toString());
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            KnowledgeBench.Result r = KnowledgeBench.run(new KnowledgeBench.Options(200, 20, "model", dir, 7,
                    Embedders.STATIC), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(r.chunks()).isEqualTo(200);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("embedder static", "bare model ("
                    + StaticEmbedder.MODEL_ID + ")", "ingest:", "query embedding alone");
        } finally {
            if (before == null) {
                System.clearProperty(Embedders.CACHE_PROPERTY);
            } else {
                System.setProperty(Embedders.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    void an_unknown_embedder_is_refused_before_anything_runs() {
        assertThatThrownBy(() -> new KnowledgeBench.Options(200, 20, "model", dir, 7, "bge")).isInstanceOfSatisfying(
                ClinigateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CG_1001));
    }

    @Test
    void generated_documents_cut_into_one_chunk_per_paragraph() {
        SourceDocument d = new BenchCorpus(1).document(3);
        assertThat(new org.clinigate.knowledge.Chunker().chunk(d)).hasSize(BenchCorpus.CHUNKS_PER_DOC);
    }

    @Test
    void percentiles_pick_the_nearest_rank() {
        double[] v = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertThat(KnowledgeBench.pct(v, 50)).isEqualTo(5);
        assertThat(KnowledgeBench.pct(v, 95)).isEqualTo(10);
    }
}
