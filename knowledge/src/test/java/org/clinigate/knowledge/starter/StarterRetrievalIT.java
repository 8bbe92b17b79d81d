package org.clinigate.knowledge.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.knowledge.KnowledgeIndex;
import org.clinigate.knowledge.Passage;
import org.clinigate.knowledge.SearchFilter;
import org.clinigate.knowledge.embed.MiniLmEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrieval quality on the starter corpus with the bundled model: recall@5 over a question set that the project
 * wrote before tuning anything. Prints the misses.
 */
class StarterRetrievalIT {

    static MiniLmEmbedder model;

    @TempDir
    static Path dir;

    static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        model = new MiniLmEmbedder();
        index = KnowledgeIndex.open(dir, model);
        index.addAll(StarterCorpus.documents());
        index.commit();
    }

    @AfterAll
    static void close() {
        index.close();
        model.close();
    }

    @Test
    void recall_at_5_on_the_starter_questions_is_at_least_0_9() throws IOException {
        List<String[]> questions = questions();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(100);
        int hits = 0;
        int first = 0;
        List<String> misses = new ArrayList<>();
        for (String[] q : questions) {
            List<Passage> top = index.search(q[0], 5);
            first += top.get(0).chunk().sourceId().equals(q[1]) ? 1 : 0;
            if (top.stream().anyMatch(p -> p.chunk().sourceId().equals(q[1]))) {
                hits++;
            } else {
                misses.add(q[1] + " <- " + q[0] + " (got " + top.stream().map(p -> p.chunk().sourceId()).distinct()
                        .toList() + ")");
            }
        }
        double recall = (double) hits / questions.size();
        System.out.printf("starter recall@5 = %.3f (%d of %d), top-1 source = %.3f%n", recall, hits, questions
                .size(), (double) first / questions.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void a_specialty_filter_keeps_results_inside_that_specialty() {
        List<Passage> hits = index.search("maximum daily dose", 5, SearchFilter.specialty("pharmacology"));
        assertThat(hits).isNotEmpty().allSatisfy(p -> assertThat(p.source().specialty()).isEqualTo("pharmacology"));
    }

    static List<String[]> questions() throws IOException {
        try (InputStream in = StarterRetrievalIT.class.getResourceAsStream("/knowledge/starter-questions.tsv")) {
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
