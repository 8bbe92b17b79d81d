package org.clinigate.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.batch.SafeOutput;
import org.clinigate.deid.eval.GoldRecord;
import org.clinigate.deid.eval.PresidioImporter;
import org.clinigate.deid.lexicon.Lexicons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deid-import", mixinStandardHelpOptions = true, description = "Convert another tool's evaluation "
        + "set into gold JSONL for deid-eval. --split tune|holdout keeps the even or odd records, so that rules can "
        + "be tuned on one half and measured on the other.")
final class DeidImportCommand implements Callable<Integer> {

    enum Split {
        all, tune, holdout
    }

    @Option(names = "--format", defaultValue = "presidio", description = "Input format; allowed: presidio (synth_dataset_v2.json).")
    String format;

    @Option(names = "--input", required = true, description = "The file to convert.")
    Path input;

    @Option(names = "--output", required = true, description = "Gold JSONL to write.")
    Path output;

    @Option(names = "--split", defaultValue = "all", description = "all, tune (even records) or holdout (odd records).")
    Split split;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("presidio")) {
            throw new ClinigateException(ErrorCode.CG_1001, "unknown --format; allowed: presidio");
        }
        List<GoldRecord> records;
        try (InputStream in = Files.newInputStream(input)) {
            records = new PresidioImporter(Lexicons.get()).read(in);
        } catch (NoSuchFileException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "the input file does not exist");
        }
        ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        int[] kept = {0};
        SafeOutput.write(output, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int i = 0; i < records.size(); i++) {
                if (split == Split.tune && i % 2 != 0 || split == Split.holdout && i % 2 == 0) {
                    continue;
                }
                GoldRecord r = records.get(i);
                var node = json.createObjectNode().put("id", r.id()).put("text", r.text());
                var spans = node.putArray("spans");
                for (PhiSpan s : r.spans()) {
                    spans.addObject().put("start", s.start()).put("end", s.end()).put("category", s.category().name());
                }
                w.write(json.writeValueAsString(node));
                w.write('\n');
                kept[0]++;
            }
            w.flush();
        });
        System.out.printf("wrote %d of %d records (%s)%n", kept[0], records.size(), split);
        return 0;
    }
}
