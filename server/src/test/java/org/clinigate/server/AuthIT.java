package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.core.auth.KeyFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys: only a valid, active key of an allowed role gets through, and every refusal is audited. */
class AuthIT {

    static Gateway gateway;

    @BeforeAll
    static void start() {
        gateway = new Gateway(new ScriptedBackend(), Map.of("CLINIGATE_AUTH_MODE", "keys"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> chat(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("hello", false, null)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return gateway.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return Gateway.json(r.body()).path("error").path("code").asText();
    }

    @Test
    void a_clinician_key_is_served_and_its_tenant_recorded() throws Exception {
        ApiKeys.Created k = gateway.store.apiKeys().create("st-olaf", "clinician");
        HttpResponse<String> r = chat("Bearer " + k.secret());
        assertThat(r.statusCode()).isEqualTo(200);
        var records = gateway.store.auditLog().read(1, 1000);
        assertThat(records.get(records.size() - 1).event().tenant()).isEqualTo("st-olaf");
        assertThat(records.toString()).doesNotContain(k.secret());
    }

    @Test
    void missing_malformed_unknown_and_revoked_keys_are_refused_and_audited() throws Exception {
        assertThat(code(chat(null))).isEqualTo("CG-4010");
        assertThat(code(chat("Basic dXNlcjpwYXNz"))).isEqualTo("CG-4010");
        assertThat(code(chat("Bearer ' OR 1=1 --"))).isEqualTo("CG-4010");
        String forged = KeyFormat.newSecret();
        HttpResponse<String> unknown = chat("Bearer " + forged);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(code(unknown)).isEqualTo("CG-4011");
        assertThat(unknown.body()).doesNotContain(forged);
        ApiKeys.Created k = gateway.store.apiKeys().create("st-olaf", "clinician");
        assertThat(gateway.store.apiKeys().revoke(k.info().id())).isTrue();
        assertThat(code(chat("Bearer " + k.secret()))).isEqualTo("CG-4011");
        var records = gateway.store.auditLog().read(1, 1000);
        assertThat(records.stream().filter(r -> r.event().outcome() == AuditOutcome.DENIED).count())
                .isGreaterThanOrEqualTo(5);
        assertThat(gateway.store.auditLog().verify().ok()).isTrue();
    }

    @Test
    void one_tenant_can_never_relink_another_tenants_pseudonyms() throws Exception {
        ApiKeys.Created a = gateway.store.apiKeys().create("hospital-a", "clinician");
        ApiKeys.Created b = gateway.store.apiKeys().create("hospital-b", "clinician");
        HttpResponse<String> first = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + a.secret())
                .POST(HttpRequest.BodyPublishers
                        .ofString(Gateway.chat("Pt Zxqwerty Canarion seen.", false, "shared-7")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.body()).contains("Canarion");
        // Tenant B uses the same conversation id and types A's pseudonym; the echo brings it back.
        HttpResponse<String> second = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + b.secret())
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("Who is [NAME_1]?", false, "shared-7")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).doesNotContain("Canarion");
    }

    @Test
    void every_role_meets_every_endpoint_as_declared() throws Exception {
        // endpoint -> roles allowed; probes (healthz, readyz, metrics) take no key.
        Map<String, java.util.Set<String>> allowed = Map.of("POST /v1/chat/completions", java.util.Set.of("clinician"),
                "GET /v1/models", ApiKeys.ROLES, "GET /v1/drafts", java.util.Set.of("clinician", "reviewer"),
                "GET /v1/drafts/none/fhir", java.util.Set.of("clinician", "reviewer"),
                "PUT /v1/drafts/none", java.util.Set.of("reviewer"),
                "POST /v1/drafts/none/sign", java.util.Set.of("reviewer"),
                "POST /v1/drafts/none/reject", java.util.Set.of("reviewer"), "POST /v1/tasks/note-summary",
                java.util.Set.of("clinician"), "GET /v1/audit", java.util.Set.of("admin"));
        for (String role : ApiKeys.ROLES) {
            String key = gateway.store.apiKeys().create("matrix", role).secret();
            for (Map.Entry<String, java.util.Set<String>> e : allowed.entrySet()) {
                String[] mp = e.getKey().split(" ");
                HttpRequest.Builder b = HttpRequest.newBuilder(gateway.uri(mp[1])).header("Authorization",
                        "Bearer " + key);
                String body = mp[1].startsWith("/v1/chat")
                        ? Gateway.chat("hi", false, null)
                        : "{\"version\":1,\"text\":\"x\",\"reason\":\"y\"}";
                b = mp[0].equals("GET")
                        ? b.GET()
                        : b.header("Content-Type", "application/json").method(mp[0],
                                HttpRequest.BodyPublishers.ofString(body));
                int status = gateway.http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                // An allowed role gets past the role check: 200, 404 for the draft that does not exist, or 400 for
                // a body that is not the task's.
                if (e.getValue().contains(role)) {
                    assertThat(status).as("%s as %s", e.getKey(), role).isIn(200, 400, 404);
                } else {
                    assertThat(status).as("%s as %s", e.getKey(), role).isEqualTo(403);
                }
            }
        }
        for (String probe : java.util.List.of("/healthz", "/readyz", "/metrics")) {
            assertThat(gateway.get(probe).statusCode()).as(probe).isEqualTo(200);
        }
        assertThat(gateway.get("/v1/models").statusCode()).isEqualTo(401);
    }

    @Test
    void a_role_that_may_not_chat_gets_403() throws Exception {
        ApiKeys.Created k = gateway.store.apiKeys().create("st-olaf", "researcher");
        HttpResponse<String> r = chat("Bearer " + k.secret());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).isEqualTo("CG-4012");
    }
}
