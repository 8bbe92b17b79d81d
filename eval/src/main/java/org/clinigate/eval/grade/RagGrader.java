package org.clinigate.eval.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinigate.eval.suite.Task;
import org.clinigate.knowledge.cite.CitationReport;
import org.clinigate.knowledge.cite.CitationVerifier;
import org.clinigate.knowledge.cite.Finding;
import org.clinigate.knowledge.cite.NumberedSource;

/**
 * Grades an answer over numbered sources with the knowledge module's {@link CitationVerifier}. Citation fidelity:
 * verified citations over all citations (markers that name a provided source which supports the claim, over every
 * cited claim). Answer found in sources: an accepted answer appears in the reply and in a source the reply cites (or,
 * without accepted answers, every cited claim is supported and there is at least one). Thread safe.
 */
public final class RagGrader {

    private final CitationVerifier verifier;

    public RagGrader(CitationVerifier verifier) {
        this.verifier = verifier;
    }

    public static RagGrader defaults() {
        return new RagGrader(new CitationVerifier());
    }

    /** The task's sources numbered from 1 in file order, as the prompt shows them. */
    static List<NumberedSource> numbered(Task.RagQa q) {
        List<NumberedSource> out = new ArrayList<>();
        for (Task.Source s : q.sources()) {
            out.add(new NumberedSource(out.size() + 1, s.id(), s.title(), "", "", s.text()));
        }
        return out;
    }

    public Grade grade(Task.RagQa q, String reply) {
        String answer = reply == null ? "" : reply;
        List<NumberedSource> sources = numbered(q);
        CitationReport report = verifier.verify(answer, sources);
        List<Integer> cited = new ArrayList<>();
        int verified = 0;
        int citations = 0;
        for (Finding f : report.findings()) {
            switch (f) {
                case Finding.Supported s -> {
                    verified++;
                    citations++;
                    cited.add(s.source());
                }
                case Finding.Unsupported u -> {
                    citations++;
                    cited.add(u.source());
                }
                case Finding.UnknownSource u -> citations++;
                case Finding.PossiblyFabricated p -> {
                }
            }
        }
        boolean found = q.answers().isEmpty()
                ? citations > 0 && verified == citations
                : answerInCited(q, answer,
                        sources, cited);
        double fabricated = report.of(Finding.PossiblyFabricated.class).size();
        Map<String, Double> parts = Map.of("citations", (double) citations, "citations_verified", (double) verified,
                "answer_found", found ? 1.0 : 0.0, "fabricated_references", fabricated);
        Double fidelity = citations == 0 ? 0.0 : (double) verified / citations;
        return new Grade(Grade.OK, null, null, fidelity, parts, null, null);
    }

    private static boolean answerInCited(Task.RagQa q, String reply, List<NumberedSource> sources,
            List<Integer> cited) {
        String r = AnswerExtractor.fold(reply);
        for (String a : q.answers()) {
            String fa = AnswerExtractor.fold(a);
            if (fa.isEmpty() || !r.contains(fa)) {
                continue;
            }
            for (int n : cited) {
                if (n >= 1 && n <= sources.size() && AnswerExtractor.fold(sources.get(n - 1).text()).contains(fa)) {
                    return true;
                }
            }
        }
        return false;
    }

}
