package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.registry.Actor;
import org.clinigate.core.registry.EntryKind;
import org.clinigate.core.registry.Governance;
import org.clinigate.core.registry.ModelCard;
import org.clinigate.core.registry.ModelRegistry;
import org.clinigate.core.registry.RiskAssessment;
import org.clinigate.core.registry.Thresholds;
import org.junit.jupiter.api.Test;

/** The registry's admin-only HTTP endpoints: the same gates as the command line, under the caller's identity. */
class RegistryHttpIT {

    static HttpResponse<String> send(Gateway g, String key, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(g.uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return g.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void only_an_admin_evaluates_and_approves_over_http_and_the_thresholds_still_hold() throws Exception {
        ScriptedBackend backend = new ScriptedBackend();
        try (Gateway g = new Gateway(backend, Map.of("CLINIGATE_AUTH_MODE", "keys",
                "CLINIGATE_REGISTRY_THRESHOLDS_0_METRIC", "accuracy", "CLINIGATE_REGISTRY_THRESHOLDS_0_MIN", "0.7"))) {
            String admin = g.store.apiKeys().create("ops", "admin").secret();
            String clinician = g.store.apiKeys().create("ward-1", "clinician").secret();
            new Governance(g.store.modelRegistry(), g.store.auditLog(), Thresholds.NONE).register(
                    new ModelRegistry.NewEntry("cardio", EntryKind.ADAPTER, "test-model", "cardio-lora",
                            new ModelCard("Cardiology", "Adults", "MedQA"),
                            new RiskAssessment(RiskAssessment.Level.LOW, "Reviewed")),
                    Actor.cli("alice", "add"));

            assertThat(send(g, clinician, "POST", "/v1/registry/cardio/evaluate", "{\"metrics\":{\"accuracy\":0.9}}")
                    .statusCode()).isEqualTo(403);
            assertThat(send(g, clinician, "GET", "/v1/registry", null).statusCode()).isEqualTo(403);

            var weak = send(g, admin, "POST", "/v1/registry/cardio/evaluate",
                    "{\"metrics\":{\"accuracy\":0.6},\"source\":\"runs/a\"}");
            assertThat(weak.statusCode()).as(weak.body()).isEqualTo(200);
            assertThat(weak.body()).contains("\"state\":\"evaluated\"");
            var refused = send(g, admin, "POST", "/v1/registry/cardio/approve", null);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("CG-7104").contains("accuracy=0.6");
            assertThat(send(g, admin, "POST", "/v1/registry/cardio/evaluate", "{\"metrics\":{\"accuracy\":\"x\"}}")
                    .statusCode()).isEqualTo(400);

            send(g, admin, "POST", "/v1/registry/cardio/evaluate", "{\"metrics\":{\"accuracy\":0.8}}");
            var loosen = send(g, admin, "POST", "/v1/registry/cardio/approve", "{\"min\":{\"accuracy\":0.5}}");
            assertThat(loosen.statusCode()).isEqualTo(200);
            assertThat(loosen.body()).contains("\"state\":\"approved\"");
            assertThat(send(g, admin, "GET", "/v1/registry", null).body()).contains("\"name\":\"cardio\"")
                    .contains("\"accuracy\":0.8");

            var chat = send(g, clinician, "POST", "/v1/chat/completions",
                    Gateway.chat("Cough.", false, null).replace("test-model", "test-model:cardio"));
            assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);

            List<AuditRecord> audit = g.store.auditLog().read(1, 1000);
            assertThat(audit).anySatisfy(a -> {
                assertThat(a.event().task()).isEqualTo("registry.approve");
                assertThat(a.event().outcome().name()).isEqualTo("ALLOWED");
                assertThat(a.event().endpoint()).isEqualTo("POST /v1/registry/cardio/approve");
                assertThat(a.event().principal()).startsWith("key:");
                assertThat(a.event().tenant()).isEqualTo("ops");
            });
            assertThat(g.store.auditLog().verify().ok()).isTrue();
        }
    }
}
