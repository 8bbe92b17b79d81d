package org.clinigate.knowledge.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.Embedders;
import org.clinigate.knowledge.embed.StaticEmbedder;

/**
 * Measures {@link IcdNormalizer} on the project's phrase-to-code pairs and prints top-1 and top-5 accuracy and
 * every miss; asserts nothing (benchmarks measure, tests check).
 *
 * <p>The pairs ({@code /knowledge/terminology/eval/icd10cm-tune.tsv}, {@code -holdout.tsv}, {@code -holdout2.tsv},
 * {@code -holdout3.tsv} and the test set {@code -holdout4.tsv}; their headers say how each was written and used, ADR
 * 0016 how each may be used) list equivalent codes across releases, newest
 * first; a pair expects the first of them that is billable in the loaded code set, and
 * is skipped (and counted) when none is. Run from the repository root, after {@code mvn -o -q compile -pl
 * knowledge}:
 *
 * <pre>
 * mvn -B -o -q dependency:build-classpath -pl knowledge -Dmdep.outputFile=/tmp/knowledge.cp
 * java -cp knowledge/target/classes:$(cat /tmp/knowledge.cp) \
 *     org.clinigate.knowledge.terminology.NormalizerEval [--codes FILE] [--split tune|holdout|holdout2|holdout3|holdout4|all] \
 *     [--semantic model|static|none] [--cache DIR] [--misses]
 * </pre>
 *
 * {@code --codes} takes a CMS order or codes file or the JSON form (default
 * {@code ../shared/data/icd10cm/icd10.json.gz}); when it is missing the command says so and stops. {@code all} runs
 * tune, holdout and holdout2. {@code --semantic} picks the embedder of the semantic candidates ({@code model}, the
 * default, is all-MiniLM-L6-v2; {@code none} ranks lexically only); {@code --cache} is where the description
 * vectors are cached (default {@code clinigate-icd10cm-vectors} in the temporary folder).
 */
public final class NormalizerEval {

    private static final String DEFAULT_CODES = "../shared/data/icd10cm/icd10.json.gz";

    /** One pair: the phrase and its equivalent codes, newest first. */
    record Pair(String phrase, List<String> codes) {
        Pair {
            codes = List.copyOf(codes);
        }
    }

    /** The figures of one split. */
    record Result(int pairs, int skipped, int top1, int top5, List<String> misses) {
        Result {
            misses = List.copyOf(misses);
        }
    }

    private NormalizerEval() {
    }

    public static void main(String[] args) {
        Path codes = Path.of(DEFAULT_CODES);
        String split = "all";
        boolean misses = false;
        String semantic = Embedders.MODEL;
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "clinigate-icd10cm-vectors");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--codes" -> codes = Path.of(args[++i]);
                case "--semantic" -> semantic = args[++i];
                case "--cache" -> cache = Path.of(args[++i]);
                case "--split" -> split = args[++i];
                case "--misses" -> misses = true;
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (!Files.isRegularFile(codes)) {
            System.out.println("no ICD-10-CM code set at " + codes + "; pass --codes FILE (CMS order or codes file, "
                    + "or the JSON form)");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        IcdCodeSet set = IcdImporter.read(codes);
        Embedder embedder = semantic.equals("none")
                ? null
                : Embedders.create(semantic, cache,
                        StaticEmbedder.Progress.NONE);
        IcdNormalizer normalizer = embedder == null
                ? IcdNormalizer.create(set)
                : IcdNormalizer.create(set, embedder, cache);
        System.out.printf(Locale.ROOT, "code set %s: %d codes, %d billable; normalizer built in %.1f s; semantic "
                + "source %s%n", set.release(), set.size(), set.billableCount(), (System.nanoTime() - t0) / 1e9,
                normalizer.semantic().orElse("none"));
        for (String name : split.equals("all") ? List.of("tune", "holdout", "holdout2") : List.of(split)) {
            long t1 = System.nanoTime();
            List<Pair> pairs = pairs("/knowledge/terminology/eval/icd10cm-" + name + ".tsv");
            Result r = evaluate(normalizer, pairs);
            double ms = (System.nanoTime() - t1) / 1e6 / Math.max(1, r.pairs());
            int n = r.pairs() - r.skipped();
            System.out.printf(Locale.ROOT, "%-8s %d pairs (%d without a billable code in this set): top-1 %.3f "
                    + "(%d), top-5 %.3f (%d); %.2f ms per phrase%n", name, r.pairs(), r.skipped(),
                    (double) r.top1()
                            / n,
                    r.top1(), (double) r.top5() / n, r.top5(), ms);
            if (misses) {
                r.misses().forEach(m -> System.out.println("  " + m));
            }
        }
    }

    /** Runs every pair; a miss is any pair whose expected code is not first. */
    static Result evaluate(IcdNormalizer normalizer, List<Pair> pairs) {
        int skipped = 0;
        int top1 = 0;
        int top5 = 0;
        List<String> misses = new ArrayList<>();
        for (Pair p : pairs) {
            Optional<String> expected = expected(normalizer.codeSet(), p);
            if (expected.isEmpty()) {
                skipped++;
                misses.add("SKIP " + p.phrase() + " (" + String.join("|", p.codes()) + " not billable here)");
                continue;
            }
            List<CodeMatch> got = normalizer.normalize(p.phrase(), 5);
            int rank = rank(got, expected.get());
            top1 += rank == 1 ? 1 : 0;
            top5 += rank >= 1 ? 1 : 0;
            if (rank != 1) {
                misses.add(String.format(Locale.ROOT, "%s %-32s expected %-8s got %s", rank < 1 ? "MISS" : "TOP" + rank,
                        p.phrase(), expected.get(), describe(got)));
            }
        }
        return new Result(pairs.size(), skipped, top1, top5, misses);
    }

    private static Optional<String> expected(IcdCodeSet set, Pair p) {
        for (String code : p.codes()) {
            Optional<IcdCode> c = set.get(code);
            if (c.isPresent() && c.get().billable()) {
                return Optional.of(c.get().code());
            }
        }
        return Optional.empty();
    }

    private static int rank(List<CodeMatch> got, String code) {
        for (int i = 0; i < got.size(); i++) {
            if (got.get(i).code().equals(code)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String describe(List<CodeMatch> got) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(3, got.size()); i++) {
            CodeMatch m = got.get(i);
            s.append(String.format(Locale.ROOT, "%s%s %.3f \"%s\"", i == 0 ? "" : " | ", m.code(), m.score(), m
                    .description()));
        }
        return s.isEmpty() ? "nothing" : s.toString();
    }

    /** Reads a pairs resource: phrase TAB codes, {@code #} comments. */
    static List<Pair> pairs(String resource) {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = NormalizerEval.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                pairs.add(new Pair(cols[0], List.of(cols[1].split("\\|"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }
}
