package org.clinigate.server.http;

import io.javalin.http.Context;
import java.util.stream.Collectors;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.pipeline.Principal;

/**
 * Appends one audit record per API request, allowed or refused, before the client gets the answer: a
 * failed append fails the request (the caller lets the exception through, which becomes 503). Records
 * hold de-identified text or its digest only. Health, readiness and metrics probes are not audited.
 */
final class Auditor {

    static final String STARTED = "clinigate.started";

    private final AuditLog log;

    Auditor(AuditLog log) {
        this.log = log;
    }

    /** A request served (or a stream started or finished). */
    void allowed(Context ctx, Principal who, String model, ChatRequest deidentified, String answer, int promptTokens,
            int completionTokens, String task) {
        allowed(ctx, who, model, deidentified, answer, promptTokens, completionTokens, task, java.util.List.of());
    }

    /** As above, with the ids of the rail rules that fired. */
    void allowed(Context ctx, Principal who, String model, ChatRequest deidentified, String answer, int promptTokens,
            int completionTokens, String task, java.util.List<String> railFlags) {
        AuditEvent.Builder b = base(ctx, who).model(model).task(task).railFlags(railFlags)
                .outcome(AuditOutcome.ALLOWED, 200, null).tokens(promptTokens, completionTokens)
                .prompt(text(deidentified));
        if (answer != null) {
            b.response(answer);
        }
        log.append(b.build());
    }

    /** A request served that carries no prompt (a listing such as GET /v1/models); throws if it cannot be written. */
    void allowed(Context ctx, Principal who) {
        log.append(base(ctx, who).outcome(AuditOutcome.ALLOWED, 200, null).build());
    }

    /** A request refused or failed; never throws, because the client must still get the first error. */
    boolean refused(Context ctx, Principal who, ClinigateException e, int status) {
        try {
            log.append(base(ctx, who).outcome(status < 500 ? AuditOutcome.DENIED : AuditOutcome.ERROR, status,
                    e.code().code()).build());
            return true;
        } catch (ClinigateException auditFailure) {
            return false;
        }
    }

    private static AuditEvent.Builder base(Context ctx, Principal who) {
        Long t0 = ctx.attribute(STARTED);
        long micros = t0 == null ? 0 : (System.nanoTime() - t0) / 1000;
        String roles = who.roles().isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(who.roles()));
        return AuditEvent.builder().who(who.tenant(), who.subject(), roles)
                .endpoint(ctx.method().name() + " " + ctx.path()).latencyMicros(micros);
    }

    /** The de-identified messages as the model saw them, one per line with its role. */
    static String text(ChatRequest r) {
        return r.messages().stream().map(m -> m.role().wireName() + ": " + m.text())
                .collect(Collectors.joining("\n"));
    }
}
