package org.clinigate.knowledge.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.clinigate.knowledge.KnowledgeIndex;
import org.clinigate.knowledge.Passage;
import org.clinigate.knowledge.SearchFilter;
import org.clinigate.knowledge.embed.Embedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Retrieval quality on the starter corpus: recall@5 over a question set that the project wrote before tuning
 * anything, for the hybrid search and for each of its lists alone (BM25, vectors). Prints the figures and the
 * hybrid misses. Each embedder's test extends this.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StarterRetrieval {

    Embedder embedder;
    KnowledgeIndex index;
    Path dir;

    /** The embedder under test; this class closes it when it is {@link AutoCloseable}. */
    abstract Embedder embedder();

    @BeforeAll
    void build() throws IOException {
        embedder = embedder();
        dir = Files.createTempDirectory("clinigate-starter");
        index = KnowledgeIndex.open(dir, embedder);
        index.addAll(StarterCorpus.documents());
        index.commit();
    }

    @AfterAll
    void close() throws Exception {
        index.close();
        if (embedder instanceof AutoCloseable c) {
            c.close();
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void hybrid_recall_at_5_on_the_starter_questions_is_at_least_0_9() throws IOException {
        List<String[]> questions = questions();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(100);
        int hits = 0;
        int first = 0;
        int lexical = 0;
        int dense = 0;
        List<String> misses = new ArrayList<>();
        for (String[] q : questions) {
            List<Passage> all = index.search(q[0], 1000);
            List<Passage> top = all.subList(0, Math.min(5, all.size()));
            first += top.get(0).chunk().sourceId().equals(q[1]) ? 1 : 0;
            lexical += inTop5(all, Passage::lexicalRank, q[1]) ? 1 : 0;
            dense += inTop5(all, Passage::vectorRank, q[1]) ? 1 : 0;
            if (top.stream().anyMatch(p -> p.chunk().sourceId().equals(q[1]))) {
                hits++;
            } else {
                misses.add(q[1] + " <- " + q[0] + " (got " + top.stream().map(p -> p.chunk().sourceId()).distinct()
                        .toList() + ")");
            }
        }
        double n = questions.size();
        System.out.printf(Locale.ROOT, "starter recall@5 with %s: hybrid %.3f (%d of %d, top-1 source %.3f), BM25 "
                + "alone %.3f, vectors alone %.3f%n", index.modelId(), hits / n, hits, questions.size(), first / n,
                lexical / n, dense / n);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(hits / n).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void a_specialty_filter_keeps_results_inside_that_specialty() {
        List<Passage> hits = index.search("maximum daily dose", 5, SearchFilter.specialty("pharmacology"));
        assertThat(hits).isNotEmpty().allSatisfy(p -> assertThat(p.source().specialty()).isEqualTo("pharmacology"));
    }

    /** Whether a passage of {@code source} is among the first five of one list (rank 1 to 5). */
    private static boolean inTop5(List<Passage> fused, ToIntFunction<Passage> rank, String source) {
        return fused.stream().anyMatch(p -> rank.applyAsInt(p) >= 1 && rank.applyAsInt(p) <= 5 && p.chunk()
                .sourceId().equals(source));
    }

    static List<String[]> questions() throws IOException {
        try (InputStream in = StarterRetrieval.class.getResourceAsStream("/knowledge/starter-questions.tsv")) {
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
            return out;
        }
    }
}
