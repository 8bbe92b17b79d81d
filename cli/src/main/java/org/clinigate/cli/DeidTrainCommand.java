package org.clinigate.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinigate.deid.detect.LearnedTagger;
import org.clinigate.deid.eval.GoldReader;
import org.clinigate.deid.eval.GoldRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deid-train", mixinStandardHelpOptions = true, description = "Learn a tagger for names, places and "
        + "organisations from a site's own annotated notes (gold JSONL), to add to the rules with --model.")
final class DeidTrainCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, description = "Gold JSONL: {\"id\",\"text\",\"spans\":[...]}.")
    Path gold;

    @Option(names = "--out", required = true, description = "The model file to write (about 5 MB, gzip).")
    Path out;

    @Option(names = "--epochs", defaultValue = "8", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Shuffling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        List<GoldRecord> records;
        try (InputStream in = Files.newInputStream(gold)) {
            records = GoldReader.read(in);
        }
        List<LearnedTagger.Example> examples = new ArrayList<>();
        for (GoldRecord r : records) {
            examples.add(new LearnedTagger.Example(r.text(), r.spans()));
        }
        long t0 = System.nanoTime();
        LearnedTagger tagger = LearnedTagger.train(examples, epochs, seed);
        tagger.save(out);
        System.out.printf("trained on %d records, %d epochs, in %.1f s; wrote %s (%d KB)%n", records.size(), epochs,
                (System.nanoTime() - t0) / 1e9, out, Files.size(out) / 1024);
        System.out.println("the model holds hashed feature weights learned from these notes: keep it as you keep "
                + "the notes");
        return 0;
    }
}
