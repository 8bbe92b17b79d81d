package org.clinigate.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinigate.deid.batch.SafeOutput;
import org.clinigate.synth.GoldCorpusGenerator;
import org.clinigate.synth.GoldJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "synth-corpus", mixinStandardHelpOptions = true, description = "Write a seeded synthetic gold corpus (nursing notes, discharge summaries, radiology "
        + "reports, referral letters, chat questions) for deid-eval and benchmarks.")
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "500", description = "Number of documents (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", required = true, description = "Gold JSONL file to write.")
    Path output;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new org.clinigate.core.error.ClinigateException(org.clinigate.core.error.ErrorCode.CG_1001,
                    "--count must be at least 1");
        }
        SafeOutput.write(output, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            GoldJsonl.write(new GoldCorpusGenerator(seed).generate(count), w);
            w.flush();
        });
        System.err.println("wrote " + count + " documents");
        return 0;
    }

}
