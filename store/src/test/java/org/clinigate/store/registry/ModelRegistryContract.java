package org.clinigate.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.registry.Actor;
import org.clinigate.core.registry.EntryKind;
import org.clinigate.core.registry.EntryState;
import org.clinigate.core.registry.Governance;
import org.clinigate.core.registry.ModelCard;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RegistryEntry;
import org.clinigate.core.registry.RiskAssessment;
import org.clinigate.core.registry.Thresholds;
import org.clinigate.store.Store;
import org.junit.jupiter.api.Test;

/** The registry's persistence and its audited approval gates, run on H2 and on PostgreSQL. */
abstract class ModelRegistryContract {

    /** A store on a fresh, empty database. */
    abstract Store store();

    static ModelRegistry.NewEntry adapter(String name) {
        return new ModelRegistry.NewEntry(name, EntryKind.ADAPTER, "medgemma-4b", "cardio-lora",
                new ModelCard("Cardiology discharge summaries", "Not for paediatric patients", "MedQA cardiology"),
                new RiskAssessment(RiskAssessment.Level.HIGH, "Every draft is signed by a cardiologist"));
    }

    private static ErrorCode code(Throwable t) {
        return ((ClinigateException) t).code();
    }

    @Test
    void an_entry_round_trips_with_its_card_risk_and_metrics() {
        try (Store s = store()) {
            ModelRegistry r = s.modelRegistry();
            RegistryEntry e = r.register(adapter("cardio-v1"));
            assertThat(r.find("cardio-v1")).contains(e);
            RegistryEntry changed = r.change("cardio-v1", 1, EntryState.EVALUATED,
                    Map.of("accuracy", 0.75, "redteam.pass_rate", 0.96), "runs/a/results.json", "alice");
            assertThat(changed.version()).isEqualTo(2);
            assertThat(changed.metrics()).containsExactlyEntriesOf(
                    new java.util.TreeMap<>(Map.of("accuracy", 0.75, "redteam.pass_rate", 0.96)));
            assertThat(changed.card().limitations()).isEqualTo("Not for paediatric patients");
            assertThat(changed.risk().level()).isEqualTo(RiskAssessment.Level.HIGH);
            assertThat(changed.stateBy()).isEqualTo("alice");
            assertThat(r.list()).extracting(RegistryEntry::name).containsExactly("cardio-v1");
            assertThat(r.find("nope")).isEmpty();
        }
    }

    @Test
    void a_taken_name_and_a_stale_version_are_refused() {
        try (Store s = store()) {
            ModelRegistry r = s.modelRegistry();
            r.register(adapter("cardio-v1"));
            assertThatThrownBy(() -> r.register(adapter("cardio-v1")))
                    .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7107));
            r.change("cardio-v1", 1, EntryState.RETIRED, null, null, "alice");
            assertThatThrownBy(() -> r.change("cardio-v1", 1, EntryState.APPROVED, null, null, "bob"))
                    .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7103));
            assertThatThrownBy(() -> r.change("nope", 1, EntryState.APPROVED, null, null, "bob"))
                    .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7101));
        }
    }

    @Test
    void evaluate_and_approve_are_written_to_the_audit_chain_which_still_verifies() {
        try (Store s = store()) {
            Governance g = new Governance(s.modelRegistry(), s.auditLog(),
                    Thresholds.parse(List.of("accuracy=0.7"), List.of("redteam.over_refusal=0.1")));
            g.register(adapter("cardio-v1"), Actor.cli("alice", "add"));
            g.evaluate("cardio-v1", Map.of("accuracy", 0.74, "redteam.over_refusal", 0.2), "a/results.json",
                    Actor.cli("alice", "evaluate"));
            assertThatThrownBy(() -> g.approve("cardio-v1", Thresholds.NONE, Actor.cli("root", "approve")))
                    .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7104));
            g.evaluate("cardio-v1", Map.of("accuracy", 0.74, "redteam.over_refusal", 0.05), "b/results.json",
                    Actor.cli("alice", "evaluate"));
            assertThat(g.approve("cardio-v1", Thresholds.NONE, Actor.cli("root", "approve")).state())
                    .isEqualTo(EntryState.APPROVED);
            List<AuditRecord> records = s.auditLog().read(1, 100);
            assertThat(records).extracting(a -> a.event().task()).containsExactly("registry.register",
                    "registry.evaluate", "registry.approve", "registry.evaluate", "registry.approve");
            assertThat(records.get(2).event().errorCode()).isEqualTo("CG-7104");
            assertThat(records.get(4).event().principal()).isEqualTo("root");
            assertThat(records.get(4).event().endpoint()).isEqualTo("CLI registry approve");
            assertThat(s.auditLog().verify().ok()).isTrue();
        }
    }
}
