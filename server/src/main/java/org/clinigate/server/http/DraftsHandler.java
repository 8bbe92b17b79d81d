package org.clinigate.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.drafts.DraftStore;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.Mode;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.PhiVault;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.core.pipeline.ScopeKey;

/**
 * The review API behind the reviewer console: {@code GET /v1/drafts[?status=]}, {@code GET /v1/drafts/{id}},
 * {@code PUT /v1/drafts/{id}} (edit), {@code POST /v1/drafts/{id}/sign}, {@code POST /v1/drafts/{id}/reject} and
 * {@code GET /v1/drafts/{id}/fhir}.
 *
 * <p>Drafts rest de-identified. A reviewer sees them re-linked through the vault scope that wrote them (same
 * tenant only), and an edit, which holds real values, is de-identified with that same scope before it is stored,
 * so pseudonyms stay stable and nothing identifying rests outside the vault. Every change names the version it was
 * based on; a stale one is 409 ({@code CG-6102}).
 */
final class DraftsHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeidPolicy PSEUDONYMS = DeidPolicy.of(Mode.PSEUDONYM);

    private final DraftStore drafts;
    private final PhiVault vault;
    private final Deidentifier deidentifier;
    private final Auditor audit;

    DraftsHandler(DraftStore drafts, PhiVault vault, Deidentifier deidentifier, Auditor audit) {
        this.drafts = drafts;
        this.vault = vault;
        this.deidentifier = deidentifier;
        this.audit = audit;
    }

    void list(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        String s = ctx.queryParam("status");
        DraftStatus status = null;
        if (s != null && !s.isBlank()) {
            try {
                status = DraftStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ClinigateException(ErrorCode.CG_2001, "status must be preliminary, final or rejected");
            }
        }
        List<Draft> found = drafts.list(who.tenant(), status, 200);
        audit.allowed(ctx, who);
        ArrayNode out = JSON.createArrayNode();
        for (Draft d : found) {
            ObjectNode n = summary(d);
            out.add(n);
        }
        ctx.contentType("application/json").result(JSON.createObjectNode().set("drafts", out).toString());
    }

    void get(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        Draft d = find(who, ctx.pathParam("id"));
        audit.allowed(ctx, who);
        ctx.contentType("application/json").result(full(d).toString());
    }

    void edit(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        JsonNode body = body(ctx);
        String text = body.path("text").isTextual() ? body.path("text").asText() : null;
        if (text == null || text.isBlank()) {
            throw new ClinigateException(ErrorCode.CG_2001, "text is required");
        }
        Draft d = find(who, ctx.pathParam("id"));
        String stored = deidentify(d, text);
        Draft changed = drafts.edit(who.tenant(), d.id(), version(body), stored, who.subject());
        audit.allowed(ctx, who);
        ctx.contentType("application/json").result(full(changed).toString());
    }

    void sign(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        JsonNode body = body(ctx);
        Draft changed = drafts.sign(who.tenant(), ctx.pathParam("id"), version(body), who.subject());
        audit.allowed(ctx, who);
        ctx.contentType("application/json").result(full(changed).toString());
    }

    void reject(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        JsonNode body = body(ctx);
        String reason = body.path("reason").isTextual() ? body.path("reason").asText().strip() : "";
        if (reason.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_2001, "a rejection needs a reason");
        }
        Draft d = find(who, ctx.pathParam("id"));
        Draft changed = drafts.reject(who.tenant(), d.id(), version(body), who.subject(), deidentify(d, reason));
        audit.allowed(ctx, who);
        ctx.contentType("application/json").result(full(changed).toString());
    }

    void fhir(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        Draft d = find(who, ctx.pathParam("id"));
        var bundle = org.clinigate.fhir.drafts.DraftDocuments.export(d, relink(d, d.text()));
        audit.allowed(ctx, who);
        ctx.contentType("application/fhir+json").result(
                ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle));
    }

    private Draft find(Principal who, String id) {
        return drafts.get(who.tenant(), id)
                .orElseThrow(() -> new ClinigateException(ErrorCode.CG_6101, "no such draft in this tenant"));
    }

    /**
     * The vault scope of a draft: the patient's or conversation's that wrote it, or, for a draft written outside
     * any, a scope of its own, so that a reviewer's edit to it can still be re-linked.
     */
    private static ScopeKey scopeKey(Draft d) {
        if (d.scopeKind() != null && d.scopeHash() != null) {
            return new ScopeKey(d.tenant(), d.scopeKind(), d.scopeHash());
        }
        return new ScopeKey(d.tenant(), "draft", org.clinigate.core.Sha256.hex(d.tenant() + '\u0000' + d.id()));
    }

    private String relink(Draft d, String text) {
        return text == null ? null : vault.scope(scopeKey(d)).relink(text);
    }

    /** An edit by a reviewer carries real values: they go into the draft's scope, and pseudonyms into the row. */
    private String deidentify(Draft d, String text) {
        ScopeKey key = scopeKey(d);
        PhiMap map = vault.scope(key);
        String out = deidentifier.deidentify(text, PSEUDONYMS, map).text();
        vault.save(key, map);
        return out;
    }

    private static JsonNode body(Context ctx) {
        return TasksHandler.body(ctx);
    }

    private static long version(JsonNode body) {
        JsonNode v = body.get("version");
        if (v == null || !v.canConvertToLong() || v.asLong() < 1) {
            throw new ClinigateException(ErrorCode.CG_2001,
                    "version is required: the draft version the change is based on");
        }
        return v.asLong();
    }

    private static ObjectNode summary(Draft d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", d.id()).put("task", d.task()).put("status", d.status().name().toLowerCase(Locale.ROOT))
                .put("version", d.version()).put("model", d.model()).put("created", d.created().toString())
                .put("flags", d.flags().size()).put("edited", d.edited());
        if (d.reviewer() != null) {
            n.put("reviewer", d.reviewer()).put("reviewed", d.reviewed().toString());
        }
        return n;
    }

    private ObjectNode full(Draft d) {
        ObjectNode n = summary(d);
        n.put("prompt_version", d.promptVersion());
        n.put("text", relink(d, d.text()));
        n.put("original_text", relink(d, d.originalText()));
        if (d.rejectReason() != null) {
            n.put("reject_reason", relink(d, d.rejectReason()));
        }
        ArrayNode flags = n.putArray("flag_rules");
        d.flags().forEach(flags::add);
        ArrayNode sources = n.putArray("sources");
        d.sources().forEach(sources::add);
        return n;
    }
}
