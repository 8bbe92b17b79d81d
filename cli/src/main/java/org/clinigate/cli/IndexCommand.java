package org.clinigate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.knowledge.IndexedSource;
import org.clinigate.knowledge.KnowledgeIndex;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.ingest.Importers;
import org.clinigate.knowledge.starter.StarterCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true, description = "The guideline index: add documents "
        + "(Markdown, HTML, text, PDF, DailyMed SPL XML, FHIR DocumentReference), list them, remove them.", subcommands = {
                IndexCommand.Add.class, IndexCommand.ListSources.class, IndexCommand.Remove.class})
final class IndexCommand implements Runnable {

    /** Where the index lives unless --index says otherwise. */
    static final Path DEFAULT_INDEX = Path.of("data", "clinigate", "knowledge");

    @Override
    public void run() {
        System.out.println("usage: clinigate index add PATH... | index list | index remove ID   [--index DIR]");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Import files or folders (recursively); "
            + "a document already indexed under the same id is replaced. --starter adds the project's demo corpus.")
    static final class Add implements Callable<Integer> {

        @Parameters(arity = "0..*", description = "Files or folders.")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--starter", description = "Also add the starter corpus (demo content, not authoritative).")
        boolean starter;

        @Option(names = "--index", description = "The index folder (default: data/clinigate/knowledge).")
        Path index = DEFAULT_INDEX;

        @Option(names = "--embedder", description = "For a new index: model (all-MiniLM-L6-v2, the default) or static "
                + "(static vectors distilled from it, built on first use; ADR 0020). An existing index keeps the "
                + "embedder it was built with; naming another is refused.")
        String embedder;

        @Override
        public Integer call() throws IOException {
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        walk.filter(Files::isRegularFile).filter(IndexCommand::supported).sorted().forEach(files::add);
                    }
                } else {
                    files.add(p);
                }
            }
            if (files.isEmpty() && !starter) {
                System.err.println("error: CG-1001: give files or folders to add, or --starter");
                return 2;
            }
            Importers importers = new Importers();
            int failed = 0;
            int chunks = 0;
            long t0 = System.nanoTime();
            KnowledgeIndex opened = embedder == null
                    ? KnowledgeIndex.open(index)
                    : KnowledgeIndex.open(index, embedder);
            try (KnowledgeIndex idx = opened) {
                if (starter) {
                    for (SourceDocument d : StarterCorpus.documents()) {
                        chunks += idx.add(d).chunks();
                    }
                    System.out.println("added the starter corpus (" + StarterCorpus.documents().size() + " documents)");
                }
                for (int i = 0; i < files.size(); i++) {
                    Path f = files.get(i);
                    try {
                        IndexedSource s = idx.add(importers.read(f));
                        chunks += s.chunks();
                    } catch (ClinigateException e) {
                        failed++;
                        System.err.println("\r" + f.getFileName() + ": " + e.getMessage());
                    }
                    progress(i + 1, files.size(), t0);
                }
                idx.commit();
            }
            if (!files.isEmpty()) {
                System.out.println();
            }
            System.out.printf(Locale.ROOT, "%d files, %d failed, %d chunks indexed in %.1f s%n", files.size(), failed,
                    chunks, (System.nanoTime() - t0) / 1e9);
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The indexed documents.")
    static final class ListSources implements Callable<Integer> {

        @Option(names = "--index", description = "The index folder (default: data/clinigate/knowledge).")
        Path index = DEFAULT_INDEX;

        @Override
        public Integer call() {
            try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
                for (IndexedSource s : idx.list()) {
                    System.out.printf(Locale.ROOT, "%-40s %5d chunks  %s%s%n", s.id(), s.chunks(),
                            s.metadata().title() == null ? "" : s.metadata().title(),
                            s.metadata().specialty() == null ? "" : "  [" + s.metadata().specialty() + "]");
                }
                System.out.println(idx.list().size() + " documents, " + idx.chunkCount() + " chunks");
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a document by id.")
    static final class Remove implements Callable<Integer> {

        @Parameters(index = "0", description = "The document id (see index list).")
        String id;

        @Option(names = "--index", description = "The index folder (default: data/clinigate/knowledge).")
        Path index = DEFAULT_INDEX;

        @Override
        public Integer call() {
            try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
                boolean removed = idx.remove(id);
                idx.commit();
                System.out.println(removed ? "removed " + id : "no document " + id);
                return removed ? 0 : 1;
            }
        }
    }

    static boolean supported(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && Importers.supportedExtensions().contains(name.substring(dot + 1));
    }

    private static void progress(int done, int total, long t0) {
        int width = 30;
        int filled = (int) ((long) done * width / Math.max(1, total));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "\r[%s%s] %d/%d files  %.1f s", "#".repeat(filled), " ".repeat(width - filled),
                done, total, s);
        System.out.flush();
    }
}
