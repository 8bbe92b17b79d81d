package org.clinigate.knowledge.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.embed.MiniLmEmbedder;
import org.clinigate.knowledge.starter.StarterCorpus;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the verifier's problem flags on project-written answers over the starter corpus: correct
 * citations, claims cited to the wrong source, changed numbers and misquotes, unknown markers and fabricated
 * references. Prints every miss.
 */
class CitationCasesTest {

    static final Map<String, SourceDocument> DOCS = StarterCorpus.documents().stream().collect(Collectors.toMap(
            SourceDocument::id, Function.identity()));

    @Test
    void flags_problems_with_precision_and_recall_of_at_least_0_95() throws IOException {
        double[] pr = evaluate("/knowledge/citation-cases.tsv", 40);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.95);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The set written blind on 2026-11-28 by someone who had not seen the verifier (see its header); its first run
     * is recorded in ADR 0012.
     */
    @Test
    void flags_problems_in_the_blind_set_with_precision_and_recall_of_at_least_0_95() throws IOException {
        double[] pr = evaluate("/knowledge/citation-holdout.tsv", 80);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.95);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The second and third blind sets (2026-11-28), written like the first by writers who had seen neither the
     * verifier nor any earlier set. Their first runs fell short of the issue's 0.95 (ADR 0012 records every run):
     * holdout2 precision 0.887 and recall 0.788 with the verifier of then; holdout3, run once after the clause check
     * was added on holdout2's misses, 0.898 and 0.841. These floors guard against regressions; they are not the target.
     */
    @Test
    void the_later_blind_sets_do_not_regress() throws IOException {
        double[] second = evaluate("/knowledge/citation-holdout2.tsv", 150);
        assertThat(second[0]).isGreaterThanOrEqualTo(0.90);
        assertThat(second[1]).isGreaterThanOrEqualTo(0.84);
        double[] third = evaluate("/knowledge/citation-holdout3.tsv", 120);
        assertThat(third[0]).isGreaterThanOrEqualTo(0.90);
        assertThat(third[1]).isGreaterThanOrEqualTo(0.84);
        // holdout4's first run, with the word-overlap verifier of then: 0.743 / 0.893.
        double[] fourth = evaluate("/knowledge/citation-holdout4.tsv", 160);
        assertThat(fourth[0]).isGreaterThanOrEqualTo(0.73);
        assertThat(fourth[1]).isGreaterThanOrEqualTo(0.87);
    }

    /**
     * With a sentence embedder, loose paraphrases are supported by meaning when their facts agree: precision rises on
     * the answers written in plain language, and a few reworded errors pass (ADR 0012).
     */
    @Test
    void a_sentence_embedder_lifts_precision_on_the_blind_sets() throws IOException {
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            CitationVerifier verifier = new CitationVerifier(embedder);
            double[] second = evaluate(verifier, "/knowledge/citation-holdout2.tsv", 150);
            assertThat(second[0]).isGreaterThanOrEqualTo(0.94);
            assertThat(second[1]).isGreaterThanOrEqualTo(0.82);
            double[] fourth = evaluate(verifier, "/knowledge/citation-holdout4.tsv", 160);
            assertThat(fourth[0]).isGreaterThanOrEqualTo(0.81);
            assertThat(fourth[1]).isGreaterThanOrEqualTo(0.85);
        }
    }

    /** Runs the verifier over a case file, prints misses and figures, and returns {precision, recall}. */
    private static double[] evaluate(String resource, int atLeast) throws IOException {
        return evaluate(new CitationVerifier(), resource, atLeast);
    }

    private static double[] evaluate(CitationVerifier verifier, String resource, int atLeast) throws IOException {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int wrongKind = 0;
        List<String[]> cases = cases(resource);
        for (String[] c : cases) {
            CitationReport report = verifier.verify(c[2], sources(c[1]));
            boolean expectedProblem = !c[0].equals("ok");
            boolean flagged = !report.ok();
            if (expectedProblem && flagged) {
                truePositives++;
                if (!hasKind(report, c[0])) {
                    wrongKind++;
                    System.out.println("  right flag, other kind (" + c[0] + "): " + c[2] + " " + report.problems());
                }
            } else if (flagged) {
                falsePositives++;
                System.out.println("  false alarm: " + c[2] + " " + report.problems());
            } else if (expectedProblem) {
                falseNegatives++;
                System.out.println("  missed (" + c[0] + "): " + c[2] + " " + report.findings());
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf("%s: %d cases, precision %.3f, recall %.3f, flagged with another kind %d%n", resource,
                cases.size(), precision, recall, wrongKind);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(atLeast);
        return new double[]{precision, recall};
    }

    private static boolean hasKind(CitationReport report, String kind) {
        Class<? extends Finding> type = switch (kind) {
            case "unsupported" -> Finding.Unsupported.class;
            case "unknown" -> Finding.UnknownSource.class;
            case "fabricated" -> Finding.PossiblyFabricated.class;
            default -> throw new UnsupportedOperationException("kind " + kind);
        };
        return !report.of(type).isEmpty();
    }

    private static List<NumberedSource> sources(String ids) {
        List<NumberedSource> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            SourceDocument d = DOCS.get(id.strip());
            out.add(new NumberedSource(out.size() + 1, d.id(), d.metadata().title(), d.metadata().issuer(), d
                    .metadata().date(), d.text()));
        }
        return out;
    }

    static List<String[]> cases(String resource) throws IOException {
        try (InputStream in = CitationCasesTest.class.getResourceAsStream(resource)) {
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
