package org.clinigate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.registry.Actor;
import org.clinigate.core.registry.EntryKind;
import org.clinigate.core.registry.Governance;
import org.clinigate.core.registry.ModelCard;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RegistryEntry;
import org.clinigate.core.registry.RiskAssessment;
import org.clinigate.core.registry.Thresholds;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.store.Store;
import org.clinigate.tuning.EvalResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clinigate registry}: base models and LoRA adapters with their card, risk and approval state (ADR 0018).
 * Works on the gateway's database, so a change takes effect at once on every gateway instance; every step is
 * written to the audit chain.
 */
@Command(name = "registry", mixinStandardHelpOptions = true, description = "The model and adapter registry: "
        + "register, evaluate, approve and retire base models and LoRA adapters. Requests reach an adapter "
        + "(model BASE:ADAPTER) only once it is approved.", subcommands = {RegistryCommand.Add.class,
                RegistryCommand.ListEntries.class, RegistryCommand.Show.class, RegistryCommand.Evaluate.class,
                RegistryCommand.Approve.class, RegistryCommand.Retire.class})
final class RegistryCommand implements Runnable {

    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run() {
        System.out.println("usage: clinigate registry add|list|show|evaluate|approve|retire ... [--config FILE]");
    }

    /** Opens the configured store and runs {@code body} with the governance over it. */
    static <T> T withGovernance(Path config, Function<Governance, T> body) {
        GatewayConfig c = new ConfigLoader().load(config, System.getenv());
        try (Store store = Store.open(Application.storeConfig(c))) {
            return body.apply(new Governance(store.modelRegistry(), store.auditLog(), c.registry().asThresholds()));
        }
    }

    static <T> T withRegistry(Path config, Function<ModelRegistry, T> body) {
        GatewayConfig c = new ConfigLoader().load(config, System.getenv());
        try (Store store = Store.open(Application.storeConfig(c))) {
            return body.apply(store.modelRegistry());
        }
    }

    static String line(RegistryEntry e) {
        return e.name() + "\t" + e.kind().name().toLowerCase(Locale.ROOT) + "\t" + e.baseModel() + "\t"
                + e.state().label() + "\t" + e.risk().level().label() + "\t" + e.metrics();
    }

    static String json(RegistryEntry e) {
        ObjectNode n = JSON.createObjectNode().put("name", e.name())
                .put("kind", e.kind().name().toLowerCase(Locale.ROOT)).put("base_model", e.baseModel())
                .put("location", e.location()).put("state", e.state().label()).put("version", e.version())
                .put("created", e.created().toString());
        n.putObject("card").put("intended_use", e.card().intendedUse()).put("limitations", e.card().limitations())
                .put("evaluation", e.card().evaluation());
        n.putObject("risk").put("level", e.risk().level().label()).put("notes", e.risk().notes());
        n.set("metrics", JSON.valueToTree(e.metrics()));
        n.put("eval_source", e.evalSource()).put("state_by", e.stateBy())
                .put("state_at", e.stateAt() == null ? null : e.stateAt().toString());
        return n.toPrettyString();
    }

    /** Options every changing sub-command has. */
    abstract static class Change implements Callable<Integer> {
        @Parameters(index = "0", description = "The registry name.")
        String name;

        @Option(names = "--by", required = true, description = "The admin making the change (recorded in the audit "
                + "log).")
        String by;

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database and thresholds.")
        Path config;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a base model or LoRA adapter "
            + "as a draft.")
    static final class Add extends Change {
        @Option(names = "--kind", required = true, description = "base or adapter.")
        String kind;

        @Option(names = "--base", required = true, description = "The base model name clients write (for an "
                + "adapter: the part before the colon in BASE:ADAPTER).")
        String base;

        @Option(names = "--location", required = true, description = "In-process: the GGUF (LoRA) file, as an "
                + "absolute path equal to the backend's lora_path. vLLM: the served adapter name.")
        String location;

        @Option(names = "--intended-use", required = true, description = "Model card: what it is for.")
        String intendedUse;

        @Option(names = "--limitations", required = true, description = "Model card: where it must not be used.")
        String limitations;

        @Option(names = "--card-evaluation", defaultValue = "", description = "Model card: how it was evaluated.")
        String evaluation;

        @Option(names = "--risk", required = true, description = "Risk level: low, medium or high.")
        String risk;

        @Option(names = "--risk-notes", required = true, description = "Hazards considered and their mitigations.")
        String riskNotes;

        @Override
        public Integer call() {
            EntryKind k = switch (kind.toLowerCase(Locale.ROOT)) {
                case "base" -> EntryKind.BASE;
                case "adapter" -> EntryKind.ADAPTER;
                default -> throw new ClinigateException(ErrorCode.CG_7105, "--kind must be base or adapter");
            };
            ModelRegistry.NewEntry entry = new ModelRegistry.NewEntry(name, k, base, location,
                    new ModelCard(intendedUse, limitations, evaluation),
                    new RiskAssessment(RiskAssessment.Level.parse(risk), riskNotes));
            RegistryEntry e = withGovernance(config, g -> g.register(entry, Actor.cli(by, "add")));
            System.out.println("registered " + e.name() + " as a draft");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every entry: name, kind, base, "
            + "state, risk, metrics.")
    static final class ListEntries implements Callable<Integer> {
        @Option(names = "--config", description = "The gateway's clinigate.yaml.")
        Path config;

        @Override
        public Integer call() {
            List<RegistryEntry> all = withRegistry(config, ModelRegistry::list);
            System.out.println("name\tkind\tbase\tstate\trisk\tmetrics");
            all.forEach(e -> System.out.println(line(e)));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One entry as JSON, with its card.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", description = "The registry name.")
        String name;

        @Option(names = "--config", description = "The gateway's clinigate.yaml.")
        Path config;

        @Override
        public Integer call() {
            RegistryEntry e = withRegistry(config, r -> r.find(name)).orElseThrow(
                    () -> new ClinigateException(ErrorCode.CG_7101, "no registry entry of this name"));
            System.out.println(json(e));
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Attach an eval run's metrics "
            + "(results.json with a top-level \"metrics\" object) and move the entry to evaluated.")
    static final class Evaluate extends Change {
        @Option(names = "--results", required = true, description = "results.json, or the eval run directory; "
                + "repeat for several runs (metrics are then named suite.metric, e.g. redteam.pass_rate).")
        List<Path> results;

        @Override
        public Integer call() {
            var metrics = EvalResults.readAll(results);
            String source = String.join(",", results.stream().map(Path::toString).toList());
            RegistryEntry e = withGovernance(config,
                    g -> g.evaluate(name, metrics, source, Actor.cli(by, "evaluate")));
            System.out.println(e.name() + " is evaluated: " + e.metrics());
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve an evaluated entry whose "
            + "metrics meet registry.thresholds plus any --min/--max given here.")
    static final class Approve extends Change {
        @Option(names = "--min", description = "METRIC=VALUE: the metric must be at least VALUE (repeatable).")
        List<String> minimums = new ArrayList<>();

        @Option(names = "--max", description = "METRIC=VALUE: the metric must be at most VALUE (repeatable).")
        List<String> maximums = new ArrayList<>();

        @Override
        public Integer call() {
            Thresholds extra = Thresholds.parse(minimums, maximums);
            RegistryEntry e = withGovernance(config, g -> g.approve(name, extra, Actor.cli(by, "approve")));
            System.out.println(e.name() + " is approved by " + e.stateBy());
            return 0;
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire an entry: no request reaches "
            + "it again.")
    static final class Retire extends Change {
        @Override
        public Integer call() {
            RegistryEntry e = withGovernance(config, g -> g.retire(name, Actor.cli(by, "retire")));
            System.out.println(e.name() + " is retired");
            return 0;
        }
    }
}
