package org.clinigate.tuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.Deidentifier;

/**
 * {@code clinigate finetune prepare}: signed drafts and user files become a chat-format dataset
 * ({@code train.jsonl}, {@code eval.jsonl}), a dataset card ({@code dataset-card.md} and {@code .json}) and a
 * training recipe ({@code recipe/}). Every example passes the {@link DeidGate} (ADR 0019); the split keeps each
 * patient on one side ({@link PatientSplit}). After writing, the dataset files are read back and scanned for the
 * canary values: a hit deletes everything written and fails with {@code CG-7110}. Not thread safe; one run at a
 * time per output directory.
 */
public final class Finetune {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param out the output directory (created)
     * @param evalFraction share of patients in eval, [0, 0.9]
     * @param seed split seed
     * @param canaries known PHI values that must not reach the output
     * @param recipe the training recipe's settings
     */
    public record Settings(Path out, double evalFraction, long seed, List<String> canaries, Recipe recipe) {
        public Settings {
            canaries = List.copyOf(canaries);
            new PatientSplit(evalFraction, seed);
        }
    }

    private final Deidentifier deid;

    public Finetune(Deidentifier deid) {
        this.deid = deid;
    }

    /**
     * Runs the preparation.
     *
     * @param inputs user JSONL files (see {@link ExampleFiles})
     * @param drafts drafts to draw from (only final ones are used)
     * @param inputOf the de-identified input a draft's model was given, when it was kept
     */
    public PrepareReport prepare(Settings s, List<Path> inputs, List<Draft> drafts,
            Function<Draft, Optional<String>> inputOf) {
        Map<String, Integer> sources = new LinkedHashMap<>();
        List<Example> all = new ArrayList<>();
        DraftExamples.Result fromDrafts = DraftExamples.from(drafts, inputOf);
        if (!drafts.isEmpty()) {
            sources.put("drafts", fromDrafts.examples().size());
            all.addAll(fromDrafts.examples());
        }
        for (Path p : inputs) {
            List<Example> read = ExampleFiles.read(p);
            sources.merge(p.getFileName().toString(), read.size(), Integer::sum);
            all.addAll(read);
        }
        if (all.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_7112, "no example to prepare: give --input files or --drafts "
                    + "with signed drafts whose input was kept");
        }
        DeidGate gate = new DeidGate(deid, s.canaries());
        PatientSplit split = new PatientSplit(s.evalFraction(), s.seed());
        StringBuilder train = new StringBuilder();
        StringBuilder eval = new StringBuilder();
        Set<String> trainGroups = new HashSet<>();
        Set<String> evalGroups = new HashSet<>();
        int nTrain = 0;
        int nEval = 0;
        List<Example[]> kept = new java.util.ArrayList<>();
        for (Example e : all) {
            gate.pass(e).ifPresent(clean -> kept.add(new Example[]{e, clean}));
        }
        Set<String> toEvalGroups = split.evalGroups(kept.stream().map(k -> k[0].group()).toList());
        for (Example[] k : kept) {
            Example e = k[0];
            boolean toEval = toEvalGroups.contains(e.group());
            (toEval ? eval : train).append(line(k[1])).append('\n');
            (toEval ? evalGroups : trainGroups).add(e.group());
            if (toEval) {
                nEval++;
            } else {
                nTrain++;
            }
        }
        Set<String> both = new HashSet<>(trainGroups);
        both.retainAll(evalGroups);
        PrepareReport report = new PrepareReport(sources, fromDrafts.notSigned(), fromDrafts.withoutInput(),
                gate.report(), nTrain, nEval, trainGroups.size(), evalGroups.size(), both.size(), 0);
        write(s, gate, train.toString(), eval.toString(), report);
        return report;
    }

    private void write(Settings s, DeidGate gate, String train, String eval, PrepareReport report) {
        Path dir = s.out();
        AtomicFiles.write(dir.resolve("train.jsonl"), train);
        AtomicFiles.write(dir.resolve("eval.jsonl"), eval);
        for (String f : List.of("train.jsonl", "eval.jsonl")) {
            if (gate.holdsCanary(read(dir.resolve(f)))) {
                delete(dir);
                throw new ClinigateException(ErrorCode.CG_7110, "a canary value reached " + f
                        + "; everything written was deleted");
            }
        }
        String created = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        DatasetCard card = new DatasetCard(report, s, created);
        AtomicFiles.write(dir.resolve("dataset-card.json"), card.json());
        AtomicFiles.write(dir.resolve("dataset-card.md"), card.markdown());
        s.recipe().writeTo(dir, report.train(), report.eval(), created);
    }

    static String line(Example e) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode messages = n.putArray("messages");
        e.turns().forEach(t -> messages.addObject().put("role", t.role()).put("content", t.content()));
        return n.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read back " + file.getFileName());
        }
    }

    private static void delete(Path dir) {
        for (String f : List.of("train.jsonl", "eval.jsonl", "dataset-card.json", "dataset-card.md")) {
            try {
                Files.deleteIfExists(dir.resolve(f));
            } catch (IOException ignored) {
                // Best effort; the run fails either way.
            }
        }
    }
}
