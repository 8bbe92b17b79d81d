package org.clinigate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.store.Store;
import org.clinigate.tuning.AdverseLog;
import org.clinigate.tuning.Finetune;
import org.clinigate.tuning.PrepareReport;
import org.clinigate.tuning.Recipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinigate finetune}: fine-tuning data (the gateway prepares data; it does not train). De-identification
 * is enforced on every example and the run prints only counts (ADR 0019).
 */
@Command(name = "finetune", mixinStandardHelpOptions = true, description = "Prepare de-identified fine-tuning "
        + "data and a LoRA recipe, or export the adverse-output log.", subcommands = {FinetuneCommand.Prepare.class,
                FinetuneCommand.Adverse.class})
final class FinetuneCommand implements Runnable {

    /** The most drafts read per tenant (the newest). */
    static final int DRAFT_LIMIT = 1000;

    @Override
    public void run() {
        System.out.println("usage: clinigate finetune prepare --out DIR [--drafts --tenant T] [--input FILE.jsonl]");
        System.out.println("       clinigate finetune adverse --out FILE.jsonl [--drafts --tenant T] [--eval-run DIR]");
    }

    /** Options shared by both sub-commands: where drafts come from, and the canaries. */
    abstract static class Sources implements Callable<Integer> {
        @Option(names = "--drafts", description = "Read drafts from the configured database (needs --tenant).")
        boolean drafts;

        @Option(names = "--tenant", description = "A tenant whose drafts to read (repeatable); the newest "
                + DRAFT_LIMIT + " of each.")
        List<String> tenants = new ArrayList<>();

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database and deid model.")
        Path config;

        @Option(names = "--canary", description = "A known PHI value that must not reach the output (repeatable).")
        List<String> canaries = new ArrayList<>();

        @Option(names = "--canaries", description = "A file of canary values, one per line.")
        Path canaryFile;

        List<String> canaries() {
            List<String> all = new ArrayList<>(canaries);
            if (canaryFile != null) {
                try {
                    Files.readAllLines(canaryFile).stream().map(String::strip).filter(s -> !s.isEmpty())
                            .forEach(all::add);
                } catch (IOException e) {
                    throw new ClinigateException(ErrorCode.CG_1002, "cannot read --canaries");
                }
            }
            return all;
        }

        /** Runs {@code body} with the tenants' drafts and their inputs; without --drafts, with none. */
        <T> T withDrafts(DraftStatus status, DraftsBody<T> body) {
            if (!drafts) {
                return body.apply(List.of(), d -> Optional.empty());
            }
            if (tenants.isEmpty()) {
                throw new ClinigateException(ErrorCode.CG_7112, "--drafts needs at least one --tenant");
            }
            GatewayConfig c = new ConfigLoader().load(config, System.getenv());
            try (Store store = Store.open(Application.storeConfig(c))) {
                List<Draft> all = new ArrayList<>();
                for (String t : tenants) {
                    all.addAll(store.drafts().list(t, status, DRAFT_LIMIT));
                }
                var inputs = store.draftInputs();
                return body.apply(all, d -> inputs.get(d.tenant(), d.id()));
            }
        }
    }

    interface DraftsBody<T> {
        T apply(List<Draft> drafts, Function<Draft, Optional<String>> inputs);
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true, description = "Build train.jsonl and eval.jsonl "
            + "(chat format) from signed drafts (the reviewer's final text is the target) and user files, with a "
            + "dataset card and a TRL SFT + PEFT LoRA recipe under DIR/recipe.")
    static final class Prepare extends Sources {
        @Option(names = "--out", required = true, description = "The output directory.")
        Path out;

        @Option(names = "--input", description = "A JSONL file of examples (repeatable): {id, patientId?, messages} "
                + "or {id, patientId?, system?, prompt, response}.")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--eval-fraction", defaultValue = "0.1", description = "Share of patients in eval.")
        double evalFraction;

        @Option(names = "--seed", defaultValue = "42", description = "Split seed.")
        long seed;

        @Option(names = "--base-model", defaultValue = "google/medgemma-4b-it", description = "Recipe: base model.")
        String baseModel;

        @Option(names = "--lora-r", defaultValue = "16")
        int loraR;

        @Option(names = "--lora-alpha", defaultValue = "32")
        int loraAlpha;

        @Option(names = "--lora-dropout", defaultValue = "0.05")
        double loraDropout;

        @Option(names = "--learning-rate", defaultValue = "2e-4")
        double learningRate;

        @Option(names = "--epochs", defaultValue = "3")
        int epochs;

        @Option(names = "--max-seq-length", defaultValue = "2048")
        int maxSeqLength;

        @Override
        public Integer call() {
            Recipe recipe = new Recipe(baseModel, loraR, loraAlpha, loraDropout, learningRate, epochs, maxSeqLength,
                    2, 8, seed);
            Finetune.Settings s = new Finetune.Settings(out, evalFraction, seed, canaries(), recipe);
            Finetune f = new Finetune(ClinicalDeidentifier.create());
            PrepareReport r = withDrafts(DraftStatus.FINAL, (drafts, inputsOf) -> f.prepare(s, inputs, drafts,
                    inputsOf));
            System.out.printf("read %d examples %s; kept %d (train %d, eval %d; patients %d/%d, in both %d)%n",
                    r.read(), r.sources(), r.train() + r.eval(), r.train(), r.eval(), r.trainGroups(),
                    r.evalGroups(), r.groupsInBoth());
            System.out.printf("de-identification: %d spans removed %s; dropped %d for residual hits, %d for "
                    + "canaries; canaries in input %d, in output %d; residual hits in output 0%n",
                    r.deid().removedTotal(), r.deid().removed(), r.deid().droppedResidual(),
                    r.deid().droppedCanary(), r.deid().canaryExamplesInInput(), r.canariesInOutput());
            if (r.draftsWithoutInput() > 0) {
                System.out.printf("%d signed drafts had no kept input and were skipped%n", r.draftsWithoutInput());
            }
            System.out.println("wrote " + out.resolve("train.jsonl") + ", eval.jsonl, dataset-card.md/.json, "
                    + "recipe/ (see recipe/README.md)");
            return 0;
        }
    }

    @Command(name = "adverse", mixinStandardHelpOptions = true, description = "Export outputs flagged by rails or "
            + "rejected by reviewers (drafts) and flagged or failed eval items (DIR/items.jsonl), de-identified, as "
            + "JSONL for prompt and adapter tuning.")
    static final class Adverse extends Sources {
        @Option(names = "--out", required = true, description = "The JSONL file to write.")
        Path out;

        @Option(names = "--eval-run", description = "An eval run directory holding items.jsonl (repeatable).")
        List<Path> evalRuns = new ArrayList<>();

        @Override
        public Integer call() {
            if (!drafts && evalRuns.isEmpty()) {
                throw new ClinigateException(ErrorCode.CG_7112, "give --drafts --tenant T and/or --eval-run DIR");
            }
            AdverseLog log = new AdverseLog(ClinicalDeidentifier.create());
            AdverseLog.Report r = withDrafts(null, (drafts, inputsOf) -> log.write(out, drafts, inputsOf, evalRuns,
                    canaries()));
            System.out.printf("adverse outputs: %d from drafts, %d from eval runs; wrote %d to %s (dropped %d for "
                    + "residual PHI, %d for canaries)%n", r.fromDrafts(), r.fromEval(), r.written(), out,
                    r.deid().droppedResidual(), r.deid().droppedCanary());
            return 0;
        }
    }
}
