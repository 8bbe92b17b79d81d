package org.clinigate.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.metrics.Metrics;
import org.clinigate.eval.metrics.Results;
import org.clinigate.eval.report.HtmlReport;
import org.clinigate.eval.run.Atomic;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.ItemRecord;
import org.clinigate.eval.run.Responder;
import org.clinigate.eval.run.RunManifest;
import org.clinigate.eval.run.Runner;
import org.clinigate.eval.suite.Item;
import org.clinigate.eval.suite.Suite;
import org.clinigate.eval.suite.SuiteFormat;
import org.clinigate.eval.suite.SuiteLoader;

/**
 * One evaluation run, end to end: load the suite, prepare the run directory, send and grade every unfinished item,
 * then write {@code results.json} and {@code report.html}.
 *
 * <p>The run directory holds {@code run.json} (what is measured), {@code items.jsonl} (one record per item, appended
 * and forced to disk in batches), {@code results.json} and {@code report.html}. A directory that already holds a run
 * is refused unless resuming; a resume skips finished items and refuses another suite, model or mode (CG-7002).
 * Not thread safe: one run per directory at a time.
 */
public final class Evaluation {

    public static final String ITEMS = "items.jsonl";
    public static final String RESULTS = "results.json";
    public static final String REPORT = "report.html";

    private Evaluation() {
    }

    /**
     * What to run.
     *
     * @param suite the suite file or folder
     * @param format its format, or null to detect it
     * @param out the run directory
     * @param mode {@code pipeline}, {@code raw}, or another label the caller chose for its responder
     * @param limit run only the first N items; 0 for all
     * @param resume continue a run in {@code out}
     */
    public record Spec(Path suite, SuiteFormat format, Path out, String mode, int limit, boolean resume,
            Runner.Settings settings) {
        public Spec {
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(settings, "settings");
            if (limit < 0) {
                throw new ClinigateException(ErrorCode.CG_1001, "--limit must be >= 0");
            }
        }
    }

    /** What a run did and found. */
    public record Outcome(Results results, Runner.Stats stats, Path dir) {
    }

    /** Loads the suite named by {@code spec} (so a caller can check its format before building a responder). */
    public static Suite load(Spec spec) {
        return SuiteLoader.load(spec.suite(), spec.format()).limit(spec.limit());
    }

    public static Outcome run(Spec spec, Suite suite, Responder responder, Grading grading) {
        if (suite.format() == SuiteFormat.HEALTHBENCH && !grading.gradesRubrics()) {
            throw new ClinigateException(ErrorCode.CG_1001, "a healthbench suite needs --grader-endpoint and "
                    + "--grader-model");
        }
        Path dir = spec.out();
        createDirectories(dir);
        RunManifest manifest = new RunManifest(suite.name(), suite.sha256(), suite.format(), spec.settings().model(),
                spec.mode());
        RunManifest existing = RunManifest.read(dir);
        Path items = dir.resolve(ITEMS);
        ItemLog.Contents before = ItemLog.read(items);
        if (!spec.resume() && (existing != null || !before.records().isEmpty())) {
            throw new ClinigateException(ErrorCode.CG_7002, "the output directory already holds a run; add --resume "
                    + "to continue it, or choose another --out");
        }
        if (existing != null) {
            existing.checkResumable(manifest);
        }
        manifest.write(dir);
        Runner.Stats stats = new Runner(responder, grading, spec.settings()).execute(suite.items(), items, before);
        Set<String> ids = new HashSet<>();
        suite.items().stream().map(Item::id).forEach(ids::add);
        Collection<ItemRecord> latest = ItemLog.read(items).latest().values();
        latest.removeIf(r -> !ids.contains(r.id()));
        Results results = Metrics.compute(manifest, latest);
        write(dir, results, latest);
        return new Outcome(results, stats, dir);
    }

    /** Recomputes results from a run directory's {@code run.json} and items, and rewrites both output files. */
    public static Results rewrite(Path dir) {
        RunManifest manifest = RunManifest.read(dir);
        if (manifest == null) {
            throw new ClinigateException(ErrorCode.CG_7002, "no run.json in the run directory");
        }
        Collection<ItemRecord> latest = ItemLog.read(dir.resolve(ITEMS)).latest().values();
        Results results = Metrics.compute(manifest, latest);
        write(dir, results, latest);
        return results;
    }

    private static void write(Path dir, Results results, Collection<ItemRecord> latest) {
        Atomic.write(dir.resolve(RESULTS), results.toJson());
        Atomic.write(dir.resolve(REPORT), HtmlReport.render(results, latest));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot create the output directory (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }
}
