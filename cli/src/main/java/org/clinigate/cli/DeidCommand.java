package org.clinigate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.deid.batch.DeidJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deid", mixinStandardHelpOptions = true, description = {
        "De-identify JSONL records or plain-text files (or a folder of them).",
        "JSONL lines: {\"id\", \"text\", \"patientId\"?}; output adds \"spans\" with code-point offsets."})
final class DeidCommand implements Callable<Integer> {

    @Option(names = "--model", description = "A site's learned tagger from 'clinigate deid-train', added to the rules.")
    java.nio.file.Path model;

    @Option(names = "--input", required = true, description = "Input .jsonl or .txt file, or a folder.")
    Path input;

    @Option(names = "--output", required = true, description = "Output file (or folder); written atomically.")
    Path output;

    @Option(names = "--mode", defaultValue = "tag", description = "tag | pseudonym | surrogate | redact, with per-category overrides: "
            + "tag,DATE=surrogate (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--on-error", defaultValue = "stop", description = "stop | skip: what a bad record does.")
    String onError;

    @Option(names = "--max-record-bytes", defaultValue = "16777216", description = "Largest record (line) accepted, in bytes (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    @Override
    public Integer call() {
        DeidPolicy policy;
        DeidJob.OnError errors;
        try {
            policy = DeidPolicy.parse(mode);
            errors = DeidJob.OnError.valueOf(onError.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ClinigateException(ErrorCode.CG_1001, "--mode or --on-error: " + e.getMessage());
        }
        long t0 = System.nanoTime();
        DeidJob job = new DeidJob(
                (model == null
                        ? ClinicalDeidentifier.create()
                        : ClinicalDeidentifier.create(org.clinigate.deid.detect.LearnedTagger.load(model))),
                policy, errors, maxRecordBytes,
                w -> System.err.println("warning: " + w));
        DeidJob.Summary s = job.run(input, output);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf(java.util.Locale.ROOT,
                "de-identified %d records (%d skipped), %d spans, %d chars in %.2f s%n",
                s.records(), s.skipped(), s.spans(), s.chars(), secs);
        return 0;
    }
}
