package org.clinigate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinigate.knowledge.KnowledgeIndex;
import org.clinigate.knowledge.Passage;
import org.clinigate.knowledge.SearchFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Hybrid search (BM25 and vectors, fused by "
        + "reciprocal rank) over the guideline index.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The query.")
    String query;

    @Option(names = "--k", defaultValue = "5", description = "Passages to return (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--specialty", description = "Only documents of this specialty.")
    String specialty;

    @Option(names = "--index", description = "The index folder (default: data/clinigate/knowledge).")
    Path index = IndexCommand.DEFAULT_INDEX;

    @Override
    public Integer call() {
        if (k < 1 || k > 100) {
            System.err.println("error: CG-1001: --k must be in [1, 100]");
            return 2;
        }
        try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
            long t0 = System.nanoTime();
            List<Passage> hits = idx.search(query, k,
                    specialty == null ? SearchFilter.NONE : SearchFilter.specialty(specialty));
            double ms = (System.nanoTime() - t0) / 1e6;
            int n = 1;
            for (Passage p : hits) {
                System.out.printf(Locale.ROOT, "[%d] %s — %s (score %.4f)%n    %s%n", n++,
                        p.source().title() == null ? p.chunk().sourceId() : p.source().title(),
                        String.join(" > ", p.chunk().headingPath()), p.score(),
                        p.chunk().text().replace('\n', ' ').strip());
            }
            System.out.printf(Locale.ROOT, "%d passages in %.1f ms%n", hits.size(), ms);
        }
        return 0;
    }
}
