package org.clinigate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinigate.safety.SafetyRails;
import org.clinigate.safety.batch.BatchChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Run the output rails on given texts: "
        + "JSONL in ({\"id\",\"task\",\"text\",\"context\":{\"patientAgeYears\",\"sources\":[...]}}), verdicts out "
        + "({\"id\",\"verdict\",\"flags\":[...]}), written atomically.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "outputs.jsonl")
    Path input;

    @Option(names = "--output", required = true, description = "verdicts.jsonl")
    Path output;

    @Option(names = "--on-error", defaultValue = "stop", description = "stop | skip: what a malformed line does.")
    String onError;

    @Override
    public Integer call() {
        BatchChecker.OnError mode;
        try {
            mode = BatchChecker.OnError.valueOf(onError.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("error: CG-1001: --on-error must be stop or skip");
            return 2;
        }
        BatchChecker checker = new BatchChecker(SafetyRails.defaults().output(), mode,
                BatchChecker.DEFAULT_MAX_RECORD_BYTES, w -> System.err.println("warning: " + w));
        BatchChecker.Summary s = checker.run(input, output);
        System.out.printf("%d records: %d pass, %d flag, %d block, %d skipped%n", s.records(), s.pass(), s.flag(),
                s.block(), s.skipped());
        return s.badLines().isEmpty() ? 0 : 1;
    }
}
