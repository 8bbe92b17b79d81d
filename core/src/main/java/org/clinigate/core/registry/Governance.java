package org.clinigate.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The approval gates of the registry. Every step (register, evaluate, approve, retire), granted or refused, appends
 * one record to the audit log before the registry changes; a failed append fails the step, so no state changes
 * unaudited. The record's prompt is a one-line description of the step (name, states, metrics, thresholds): its
 * digest binds the eval results to the chain. Registry text is operator text, never patient text.
 *
 * <p>Rules: evaluate needs a draft, evaluated or approved entry and at least one metric (re-evaluating an approved
 * entry takes its approval away); approve needs an evaluated entry, an actor in the admin role, configured
 * thresholds and metrics that meet them ({@code CG-7104}); retire works from any state but retired. A wrong state
 * is {@code CG-7103}. Thread safe when its registry and log are.
 */
public final class Governance {

    private final ModelRegistry registry;
    private final AuditLog audit;
    private final Thresholds thresholds;

    /** @param thresholds the configured thresholds ({@code registry.thresholds}); approval adds the caller's own */
    public Governance(ModelRegistry registry, AuditLog audit, Thresholds thresholds) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public RegistryEntry register(ModelRegistry.NewEntry entry, Actor who) {
        if (registry.find(entry.name()).isPresent()) {
            throw refused(who, entry.name(), "register", ErrorCode.CG_7107, "the name is already registered");
        }
        record(who, entry.name(), "register", AuditOutcome.ALLOWED, 200, null, "registry register " + entry.name()
                + " kind=" + entry.kind().name().toLowerCase(java.util.Locale.ROOT) + " base=" + entry.baseModel()
                + " risk=" + entry.risk().level().label());
        return registry.register(entry);
    }

    /** Attaches eval metrics and moves the entry to evaluated. */
    public RegistryEntry evaluate(String name, Map<String, Double> metrics, String source, Actor who) {
        RegistryEntry e = get(name);
        if (e.state() == EntryState.RETIRED) {
            throw refused(who, name, "evaluate", ErrorCode.CG_7103, "a retired entry cannot be evaluated");
        }
        if (metrics.isEmpty()) {
            throw refused(who, name, "evaluate", ErrorCode.CG_7106, "the results hold no metric");
        }
        record(who, name, "evaluate", AuditOutcome.ALLOWED, 200, null, "registry evaluate " + name + " from="
                + e.state().label() + " to=evaluated source=" + source + " metrics=" + describe(metrics));
        return registry.change(name, e.version(), EntryState.EVALUATED, metrics, source, who.principal());
    }

    /**
     * Approves an evaluated entry whose metrics meet the configured thresholds plus {@code extra}.
     *
     * @throws ClinigateException {@code CG-7104} naming each failing metric; {@code CG-7103} for a wrong state
     */
    public RegistryEntry approve(String name, Thresholds extra, Actor who) {
        RegistryEntry e = get(name);
        if (!Actor.ADMIN.equals(who.role())) {
            throw refused(who, name, "approve", ErrorCode.CG_4012, "only an admin may approve");
        }
        if (e.state() != EntryState.EVALUATED) {
            throw refused(who, name, "approve", ErrorCode.CG_7103,
                    "only an evaluated entry can be approved; this one is " + e.state().label());
        }
        Thresholds all = thresholds.and(extra);
        if (all.isEmpty()) {
            throw refused(who, name, "approve", ErrorCode.CG_7104,
                    "no thresholds configured (registry.thresholds or --min/--max); approval needs at least one");
        }
        List<String> failures = all.failures(e.metrics());
        if (!failures.isEmpty()) {
            throw refused(who, name, "approve", ErrorCode.CG_7104,
                    "eval results do not meet the thresholds: " + String.join("; ", failures));
        }
        record(who, name, "approve", AuditOutcome.ALLOWED, 200, null, "registry approve " + name
                + " metrics=" + describe(e.metrics()) + " thresholds=" + all.bounds());
        return registry.change(name, e.version(), EntryState.APPROVED, null, null, who.principal());
    }

    public RegistryEntry retire(String name, Actor who) {
        RegistryEntry e = get(name);
        if (e.state() == EntryState.RETIRED) {
            throw refused(who, name, "retire", ErrorCode.CG_7103, "the entry is already retired");
        }
        record(who, name, "retire", AuditOutcome.ALLOWED, 200, null,
                "registry retire " + name + " from=" + e.state().label());
        return registry.change(name, e.version(), EntryState.RETIRED, null, null, who.principal());
    }

    private RegistryEntry get(String name) {
        return registry.find(name).orElseThrow(() -> new ClinigateException(ErrorCode.CG_7101,
                "no registry entry of this name"));
    }

    private ClinigateException refused(Actor who, String name, String step, ErrorCode code, String why) {
        int status = code == ErrorCode.CG_4012 ? 403 : 409;
        record(who, name, step, AuditOutcome.DENIED, status, code.code(), "registry " + step + " " + name
                + " refused: " + why);
        return new ClinigateException(code, why);
    }

    private void record(Actor who, String name, String step, AuditOutcome outcome, int status, String code,
            String description) {
        audit.append(AuditEvent.builder().who(who.tenant(), who.principal(), who.role()).endpoint(who.endpoint())
                .model(name).task("registry." + step).outcome(outcome, status, code).prompt(description).build());
    }

    static String describe(Map<String, Double> metrics) {
        return metrics.entrySet().stream().map(m -> m.getKey() + "=" + m.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
