package org.clinigate.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the registry of base models and LoRA adapters, persisted so that every gateway instance sees the same
 * approvals. It stores entries and state changes; the rules for changing state (thresholds, who may approve, audit)
 * live in {@link Governance}, which is the only caller of {@link #change}.
 *
 * <p><b>Concurrency.</b> Changes are optimistic: each names the version it was based on, and an entry changed since
 * then refuses the change with {@code CG-7103}. Nothing is deleted: a retired entry stays, with its metrics.
 *
 * <p><b>Failure.</b> {@code CG-7107} for a taken name, {@code CG-7105} for an invalid entry, {@code CG-7101} for an
 * unknown name, {@code CG-4001} when the database is away. Thread safe.
 */
public interface ModelRegistry {

    /** Stores a new entry as a draft with version 1. */
    RegistryEntry register(NewEntry entry);

    /** The entry of this name, if any. */
    Optional<RegistryEntry> find(String name);

    /** Every entry, by name. */
    List<RegistryEntry> list();

    /**
     * Moves the entry to {@code to}, recording who did it, and replaces its metrics when {@code metrics} is not null.
     *
     * @throws org.clinigate.core.error.ClinigateException {@code CG-7103} when the entry is no longer at
     *     {@code expectedVersion}
     */
    RegistryEntry change(String name, long expectedVersion, EntryState to, Map<String, Double> metrics,
            String evalSource, String by);

    /** What an operator hands over to register a model or adapter. */
    record NewEntry(String name, EntryKind kind, String baseModel, String location, ModelCard card,
            RiskAssessment risk) {
        public NewEntry {
            RegistryChecks.name("name", name);
            if (kind == null || card == null || risk == null) {
                throw new org.clinigate.core.error.ClinigateException(org.clinigate.core.error.ErrorCode.CG_7105,
                        "kind, card and risk are required");
            }
            RegistryChecks.line("base_model", baseModel, 256);
            RegistryChecks.line("location", location, 1024);
        }
    }
}
