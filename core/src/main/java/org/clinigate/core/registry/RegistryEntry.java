package org.clinigate.core.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One base model or LoRA adapter in the registry, with its card, risk assessment, approval state and the eval
 * metrics its state rests on.
 *
 * @param name the registry name; an adapter is asked for as {@code baseModel:name}
 * @param kind base or adapter
 * @param baseModel the base model name clients write (required for an adapter; for a base, its own served name)
 * @param location where it lives: for an in-process backend the GGUF (LoRA) file, for vLLM the served model or
 *     adapter name ({@code --lora-modules NAME=...})
 * @param card the model card
 * @param risk the risk assessment
 * @param state draft, evaluated, approved or retired
 * @param metrics the eval metrics attached when it was evaluated (metric name to value), empty before
 * @param evalSource where the metrics came from (a results file or run id), or null
 * @param stateBy who made the last state change (an admin or principal id), or null while a draft
 * @param stateAt when the last state change happened, or null while a draft
 * @param version increases with every change; a change names the version it was based on
 * @param created when it was registered
 */
public record RegistryEntry(String name, EntryKind kind, String baseModel, String location, ModelCard card,
        RiskAssessment risk, EntryState state, Map<String, Double> metrics, String evalSource, String stateBy,
        Instant stateAt, long version, Instant created) {

    public RegistryEntry {
        RegistryChecks.name("name", name);
        if (kind == null || state == null || card == null || risk == null) {
            throw new ClinigateException(ErrorCode.CG_7105, "kind, state, card and risk are required");
        }
        RegistryChecks.line("base_model", baseModel, 256);
        RegistryChecks.line("location", location, 1024);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
        metrics.forEach((k, v) -> {
            RegistryChecks.line("metric name", k, 128);
            if (v == null || !Double.isFinite(v)) {
                throw new ClinigateException(ErrorCode.CG_7106, "metric " + k + " must be a finite number");
            }
        });
        Objects.requireNonNull(created, "created");
    }

    /** Whether requests may use it now. */
    public boolean approved() {
        return state == EntryState.APPROVED;
    }

    @Override
    public String toString() {
        return "RegistryEntry[name=" + name + ", kind=" + kind + ", base=" + baseModel + ", state=" + state.label()
                + ", metrics=" + metrics.size() + ", version=" + version + "]";
    }
}
