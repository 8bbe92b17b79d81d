package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.MiniLmEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic candidate source on a 16-code set written for it, with all-MiniLM-L6-v2 and a temporary cache. */
class SemanticCandidatesTest {

    static final IcdCodeSet CODES = IcdCodeSet.of("semantic-fixture", List.of(
            new IcdCode("E03", "Other hypothyroidism", false),
            new IcdCode("E03.4", "Atrophy of thyroid (acquired)", true),
            new IcdCode("E03.9", "Hypothyroidism, unspecified", true),
            new IcdCode("E05.90", "Thyrotoxicosis, unspecified without thyrotoxic crisis or storm", true),
            new IcdCode("E07.89", "Other specified disorders of thyroid", true),
            new IcdCode("E07.9", "Disorder of thyroid, unspecified", true),
            new IcdCode("G45.9", "Transient cerebral ischemic attack, unspecified", true),
            new IcdCode("I10", "Essential (primary) hypertension", true),
            new IcdCode("I63.9", "Cerebral infarction, unspecified", true),
            new IcdCode("J60", "Coalworker's pneumoconiosis", true),
            new IcdCode("J98.4", "Other disorders of lung", true),
            new IcdCode("L74.0", "Miliaria rubra", true),
            new IcdCode("L89.90", "Pressure ulcer of unspecified site, unspecified stage", true),
            new IcdCode("R21", "Rash and other nonspecific skin eruption", true),
            new IcdCode("R46.3", "Overactivity", true),
            new IcdCode("Z74.01", "Bed confinement status", true)));

    static MiniLmEmbedder model;

    @TempDir
    Path cache;

    @BeforeAll
    static void load() {
        model = new MiniLmEmbedder(1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void ranks_the_code_of_a_lay_phrase_that_shares_no_word_with_its_description() {
        IcdNormalizer semantic = IcdNormalizer.create(CODES, model, cache);
        IcdNormalizer lexical = IcdNormalizer.create(CODES);

        assertThat(semantic.semantic()).contains(MiniLmEmbedder.MODEL_ID);
        // "underactive thyroid" used to be the example; the word lists now carry it (ADR 0016, second breadth pass).
        assertThat(codes(lexical.normalize("sluggish thyroid", 5))).doesNotContain("E03.9");
        assertThat(codes(semantic.normalize("sluggish thyroid", 5))).contains("E03.9");
        assertThat(codes(semantic.normalize("mini stroke", 5))).contains("G45.9");
    }

    @Test
    void keeps_the_lexical_answer_where_the_words_match() {
        IcdNormalizer semantic = IcdNormalizer.create(CODES, model, cache);

        assertThat(semantic.normalize("HTN", 5).get(0).code()).isEqualTo("I10");
        assertThat(semantic.normalize("cerebral infarction", 5).get(0).code()).isEqualTo("I63.9");
        assertThat(semantic.normalize("xqzzy blorft", 5)).as("no description is that close to noise").isEmpty();
    }

    @Test
    void neighbours_take_places_four_and_five_and_scores_descend() {
        List<double[]> lexical = List.of(new double[]{1, 0.9}, new double[]{2, 0.8}, new double[]{3, 0.7},
                new double[]{4, 0.6}, new double[]{5, 0.5});
        List<SemanticIndex.Neighbour> near = List.of(new SemanticIndex.Neighbour(2, 0.95f),
                new SemanticIndex.Neighbour(9, 0.9f), new SemanticIndex.Neighbour(5, 0.6f));

        List<double[]> ranked = IcdNormalizer.withNeighbours(lexical, near);

        assertThat(ranked).extracting(c -> (int) c[0]).containsExactly(1, 2, 3, 9, 5, 4);
        assertThat(ranked).extracting(c -> c[1]).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void writes_the_cache_reloads_it_and_rebuilds_it_when_corrupt() throws IOException {
        Counting counting = new Counting(model);

        IcdNormalizer.create(CODES, counting, cache);
        Path file = onlyFile(cache);
        int billable = CODES.billableCount();
        assertThat(counting.texts.get()).isEqualTo(billable);

        IcdNormalizer reloaded = IcdNormalizer.create(CODES, counting, cache);
        assertThat(counting.texts.get()).as("a reload embeds no description").isEqualTo(billable);
        assertThat(codes(reloaded.normalize("underactive thyroid", 5))).contains("E03.9");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 7] ^= 0x5a;
        Files.write(file, bytes);
        IcdNormalizer rebuilt = IcdNormalizer.create(CODES, counting, cache);
        assertThat(counting.texts.get()).as("a corrupt file is rebuilt").isEqualTo(2 * billable + 1);
        assertThat(Files.readAllBytes(file)).isNotEqualTo(bytes);
        assertThat(codes(rebuilt.normalize("underactive thyroid", 5))).contains("E03.9");
    }

    @Test
    void a_new_code_set_gets_its_own_cache_file() throws IOException {
        IcdNormalizer.create(CODES, model, cache);
        IcdNormalizer.create(IcdCodeSet.of("other", CODES.codes().subList(0, 5)), model, cache);

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".table"))).hasSize(2);
        }
    }

    @Test
    void answers_lexically_when_the_embedder_cannot_embed() {
        Embedder broken = new Failing(0);

        IcdNormalizer normalizer = IcdNormalizer.create(CODES, broken, cache);

        assertThat(normalizer.semantic()).isEmpty();
        assertThat(normalizer.normalize("HTN", 5).get(0).code()).isEqualTo("I10");
    }

    @Test
    void answers_lexically_when_the_embedder_fails_on_a_problem() {
        Embedder failsLater = new Failing(CODES.billableCount());

        IcdNormalizer normalizer = IcdNormalizer.create(CODES, failsLater, cache);

        assertThat(normalizer.semantic()).isPresent();
        assertThat(normalizer.normalize("HTN", 5).get(0).code()).isEqualTo("I10");
        assertThat(normalizer.normalize("xqzzy blorft", 5)).isEmpty();
    }

    private static List<String> codes(List<CodeMatch> matches) {
        return matches.stream().map(CodeMatch::code).toList();
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** Counts the texts embedded through it. */
    private record Counting(Embedder inner, AtomicInteger texts) implements Embedder {
        Counting(Embedder inner) {
            this(inner, new AtomicInteger());
        }

        @Override
        public String modelId() {
            return inner.modelId();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public List<float[]> embed(List<String> batch) {
            texts.addAndGet(batch.size());
            return inner.embed(batch);
        }
    }

    /** Embeds with the real model until {@code working} texts have been embedded, then fails with CG-5006. */
    private static final class Failing implements Embedder {
        private final AtomicInteger left;

        Failing(int working) {
            this.left = new AtomicInteger(working);
        }

        @Override
        public String modelId() {
            return "failing";
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public List<float[]> embed(List<String> batch) {
            if (left.addAndGet(-batch.size()) < 0) {
                throw new ClinigateException(ErrorCode.CG_5006, "test embedder failure");
            }
            return model.embed(batch);
        }
    }
}
