package org.clinigate.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.core.registry.Actor;
import org.clinigate.core.registry.Governance;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RegistryEntry;
import org.clinigate.core.registry.Thresholds;

/**
 * The registry over HTTP, admin only (ADR 0018): {@code GET /v1/registry} lists entries; {@code POST
 * /v1/registry/{name}/evaluate} ({@code {"metrics": {...}, "source": "..."}}), {@code .../approve} ({@code {"min":
 * {...}, "max": {...}}}, optional, can only tighten the configured thresholds) and {@code .../retire} change one.
 * Each change is audited by {@link Governance} under the caller's principal; a refused change is audited there and
 * again as the refused request.
 */
final class RegistryHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Governance governance;
    private final ModelRegistry registry;
    private final Auditor audit;

    RegistryHandler(Governance governance, ModelRegistry registry, Auditor audit) {
        this.governance = governance;
        this.registry = registry;
        this.audit = audit;
    }

    void list(Context ctx) {
        audit.allowed(ctx, ctx.attribute(GatewayServer.PRINCIPAL));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode entries = out.putArray("entries");
        registry.list().forEach(e -> entries.add(json(e)));
        ctx.contentType("application/json").result(out.toString());
    }

    void change(Context ctx) {
        String name = ctx.pathParam("name");
        String step = ctx.pathParam("step");
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        Actor actor = new Actor(who.tenant(), who.subject(), "admin", ctx.method().name() + " " + ctx.path());
        JsonNode body = ctx.bodyAsBytes().length == 0 ? JSON.createObjectNode() : TasksHandler.body(ctx);
        RegistryEntry e = switch (step) {
            case "evaluate" -> governance.evaluate(name, metrics(body.get("metrics"), "metrics"),
                    body.path("source").asText("http"), actor);
            case "approve" -> governance.approve(name, new Thresholds(bounds(body)), actor);
            case "retire" -> governance.retire(name, actor);
            default -> throw new ClinigateException(ErrorCode.CG_3001, "registry steps: evaluate, approve, retire");
        };
        ctx.contentType("application/json").result(json(e).toString());
    }

    private static Map<String, Thresholds.Bound> bounds(JsonNode body) {
        Map<String, Double> min = metrics(body.get("min"), "min");
        Map<String, Double> max = metrics(body.get("max"), "max");
        Map<String, Thresholds.Bound> out = new TreeMap<>();
        min.forEach((k, v) -> out.put(k, new Thresholds.Bound(v, max.get(k))));
        max.forEach((k, v) -> out.putIfAbsent(k, new Thresholds.Bound(null, v)));
        return out;
    }

    private static Map<String, Double> metrics(JsonNode node, String field) {
        Map<String, Double> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ClinigateException(ErrorCode.CG_7106, field + " must be an object of metric name to number");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getValue().isNumber() || !Double.isFinite(m.getValue().asDouble())) {
                throw new ClinigateException(ErrorCode.CG_7106, field + ": every value must be a finite number");
            }
            out.put(m.getKey(), m.getValue().asDouble());
        }
        return out;
    }

    static ObjectNode json(RegistryEntry e) {
        ObjectNode n = JSON.createObjectNode().put("name", e.name())
                .put("kind", e.kind().name().toLowerCase(Locale.ROOT)).put("base_model", e.baseModel())
                .put("location", e.location()).put("state", e.state().label()).put("version", e.version());
        n.putObject("card").put("intended_use", e.card().intendedUse()).put("limitations", e.card().limitations())
                .put("evaluation", e.card().evaluation());
        n.putObject("risk").put("level", e.risk().level().label()).put("notes", e.risk().notes());
        n.set("metrics", JSON.valueToTree(e.metrics()));
        n.put("state_by", e.stateBy()).put("state_at", e.stateAt() == null ? null : e.stateAt().toString());
        return n;
    }
}
