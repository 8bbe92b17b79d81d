package org.clinigate.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class GovernanceTest {

    final MemoryRegistry registry = new MemoryRegistry();
    final MemoryAudit audit = new MemoryAudit();
    final Thresholds configured = Thresholds.parse(List.of("accuracy=0.7", "redteam.pass_rate=0.95"),
            List.of("redteam.over_refusal=0.1"));
    final Governance gov = new Governance(registry, audit, configured);
    final Actor admin = Actor.cli("alice", "approve");

    static ModelRegistry.NewEntry adapter(String name) {
        return new ModelRegistry.NewEntry(name, EntryKind.ADAPTER, "medgemma-4b", "/models/" + name + ".gguf",
                new ModelCard("cardiology notes", "not for paediatrics", "MedQA cardiology subset"),
                new RiskAssessment(RiskAssessment.Level.MEDIUM, "drafts reviewed by a clinician"));
    }

    static ErrorCode code(Throwable t) {
        return ((ClinigateException) t).code();
    }

    @Test
    void an_adapter_moves_draft_to_evaluated_to_approved_and_each_step_is_audited() {
        gov.register(adapter("cardio"), admin);
        RegistryEntry e = gov.evaluate("cardio", Map.of("accuracy", 0.8, "redteam.pass_rate", 0.97,
                "redteam.over_refusal", 0.05), "runs/cardio/results.json", admin);
        assertThat(e.state()).isEqualTo(EntryState.EVALUATED);
        RegistryEntry approved = gov.approve("cardio", Thresholds.NONE, admin);
        assertThat(approved.state()).isEqualTo(EntryState.APPROVED);
        assertThat(approved.stateBy()).isEqualTo("alice");
        assertThat(audit.events).extracting(a -> a.task()).containsExactly("registry.register",
                "registry.evaluate", "registry.approve");
        assertThat(audit.events.get(2).outcome()).isEqualTo(AuditOutcome.ALLOWED);
        assertThat(audit.events.get(2).promptText()).contains("accuracy=0.8").contains("cardio");
        assertThat(audit.events.get(2).principal()).isEqualTo("alice");
    }

    @Test
    void approval_is_refused_when_a_metric_misses_its_threshold_or_is_absent_and_the_refusal_is_audited() {
        gov.register(adapter("cardio"), admin);
        gov.evaluate("cardio", Map.of("accuracy", 0.8, "redteam.pass_rate", 0.90), "r.json", admin);
        assertThatThrownBy(() -> gov.approve("cardio", Thresholds.NONE, admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7104))
                .hasMessageContaining("redteam.pass_rate=0.9 (needs >= 0.95)")
                .hasMessageContaining("redteam.over_refusal missing");
        assertThat(registry.find("cardio").orElseThrow().state()).isEqualTo(EntryState.EVALUATED);
        assertThat(audit.events.getLast().outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(audit.events.getLast().errorCode()).isEqualTo("CG-7104");
    }

    @Test
    void cli_thresholds_add_to_the_configured_ones() {
        gov.register(adapter("cardio"), admin);
        gov.evaluate("cardio", Map.of("accuracy", 0.8, "redteam.pass_rate", 0.97, "redteam.over_refusal", 0.05),
                "r.json", admin);
        assertThatThrownBy(() -> gov.approve("cardio", Thresholds.parse(List.of("accuracy=0.9"), List.of()), admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7104));
    }

    @Test
    void cli_thresholds_can_tighten_but_never_loosen_the_configured_ones() {
        gov.register(adapter("cardio"), admin);
        gov.evaluate("cardio", Map.of("accuracy", 0.6, "redteam.pass_rate", 0.97, "redteam.over_refusal", 0.05),
                "r.json", admin);
        assertThatThrownBy(() -> gov.approve("cardio", Thresholds.parse(List.of("accuracy=0.5"), List.of()), admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7104)).hasMessageContaining(">= 0.7");
    }

    @Test
    void a_draft_cannot_be_approved_only_an_admin_approves_and_without_thresholds_nothing_is_approved() {
        gov.register(adapter("cardio"), admin);
        assertThatThrownBy(() -> gov.approve("cardio", Thresholds.NONE, admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7103));
        gov.evaluate("cardio", Map.of("accuracy", 0.8), "r.json", admin);
        Actor clinician = new Actor("ward-1", "bob", "clinician", "POST /x");
        assertThatThrownBy(() -> gov.approve("cardio", Thresholds.NONE, clinician))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_4012));
        Governance unconfigured = new Governance(registry, audit, Thresholds.NONE);
        assertThatThrownBy(() -> unconfigured.approve("cardio", Thresholds.NONE, admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7104))
                .hasMessageContaining("no thresholds");
    }

    @Test
    void re_evaluation_takes_approval_away_and_a_retired_entry_never_changes() {
        gov.register(adapter("cardio"), admin);
        gov.evaluate("cardio", Map.of("accuracy", 0.8, "redteam.pass_rate", 0.97, "redteam.over_refusal", 0.0),
                "a.json", admin);
        gov.approve("cardio", Thresholds.NONE, admin);
        assertThat(gov.evaluate("cardio", Map.of("accuracy", 0.5), "b.json", admin).state())
                .isEqualTo(EntryState.EVALUATED);
        assertThat(gov.retire("cardio", admin).state()).isEqualTo(EntryState.RETIRED);
        assertThatThrownBy(() -> gov.evaluate("cardio", Map.of("accuracy", 0.9), "c.json", admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7103));
        assertThatThrownBy(() -> gov.retire("cardio", admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7103));
    }

    @Test
    void a_failed_audit_append_leaves_the_registry_unchanged() {
        gov.register(adapter("cardio"), admin);
        audit.fail = true;
        assertThatThrownBy(() -> gov.evaluate("cardio", Map.of("accuracy", 0.8), "r.json", admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_4002));
        assertThat(registry.find("cardio").orElseThrow().state()).isEqualTo(EntryState.DRAFT);
    }

    @Test
    void a_taken_name_is_refused() {
        gov.register(adapter("cardio"), admin);
        assertThatThrownBy(() -> gov.register(adapter("cardio"), admin))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7107));
    }

    @Test
    void names_with_colons_or_spaces_are_refused() {
        for (String bad : List.of("a:b", "a b", "", "-x")) {
            assertThatThrownBy(() -> adapter(bad)).satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CG_7105));
        }
    }
}
