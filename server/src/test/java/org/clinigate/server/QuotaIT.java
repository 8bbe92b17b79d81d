package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.Test;

/**
 * Quotas through HTTP: 429 with Retry-After once a bucket is empty, audited as denied; and two gateway instances
 * on one PostgreSQL hold one combined limit.
 */
class QuotaIT {

    private static HttpResponse<String> chat(Gateway g, String key) throws Exception {
        return g.http.send(HttpRequest.newBuilder(g.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("hello", false, null))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_key_past_its_requests_per_minute_gets_429_with_retry_after_and_the_refusal_is_audited() throws Exception {
        try (Gateway g = new Gateway(new ScriptedBackend(), Map.of("CLINIGATE_AUTH_MODE", "keys",
                "CLINIGATE_QUOTAS_KEY_REQUESTS_PER_MINUTE", "3"))) {
            ApiKeys.Created a = g.store.apiKeys().create("ward-7", "clinician");
            ApiKeys.Created b = g.store.apiKeys().create("ward-7", "clinician");
            for (int i = 0; i < 3; i++) {
                assertThat(chat(g, a.secret()).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = chat(g, a.secret());
            assertThat(refused.statusCode()).isEqualTo(429);
            long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retry).isBetween(1L, 20L);
            var error = Gateway.json(refused.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("CG-4020");
            assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
            assertThat(error.path("message").asText()).contains("key requests per minute")
                    .doesNotContain(a.secret());
            // another key of the same tenant has its own bucket
            assertThat(chat(g, b.secret()).statusCode()).isEqualTo(200);

            var records = g.store.auditLog().read(1, 100);
            var last = records.stream().filter(r -> "CG-4020".equals(r.event().errorCode())).toList();
            assertThat(last).hasSize(1);
            assertThat(last.get(0).event().outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(last.get(0).event().httpStatus()).isEqualTo(429);
        }
    }

    @Test
    void a_tenant_override_replaces_the_default() throws Exception {
        try (Gateway g = new Gateway(new ScriptedBackend(), Map.of("CLINIGATE_AUTH_MODE", "keys",
                "CLINIGATE_QUOTAS_TENANT_REQUESTS_PER_MINUTE", "1", "CLINIGATE_QUOTAS_OVERRIDES_0_TENANT", "icu",
                "CLINIGATE_QUOTAS_OVERRIDES_0_REQUESTS_PER_MINUTE", "4"))) {
            String ward = g.store.apiKeys().create("ward", "clinician").secret();
            String icu = g.store.apiKeys().create("icu", "clinician").secret();
            assertThat(chat(g, ward).statusCode()).isEqualTo(200);
            assertThat(chat(g, ward).statusCode()).isEqualTo(429);
            for (int i = 0; i < 4; i++) {
                assertThat(chat(g, icu).statusCode()).isEqualTo(200);
            }
            assertThat(chat(g, icu).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void two_gateways_on_one_postgresql_share_one_tenant_limit() throws Exception {
        try (EmbeddedPg pg = EmbeddedPg.start()) {
            String url = pg.url(pg.createDatabase());
            Map<String, String> env = Map.of("CLINIGATE_AUTH_MODE", "keys", "CLINIGATE_DB_URL", url,
                    "CLINIGATE_DB_USER", "postgres", "CLINIGATE_QUOTAS_TENANT_REQUESTS_PER_MINUTE", "6",
                    "CLINIGATE_VAULT_KEYSET", VAULT_KEYSET, "CLINIGATE_AUDIT_KEY", AUDIT_KEY);
            try (Gateway one = new Gateway(new ScriptedBackend(), env);
                    Gateway two = new Gateway(new ScriptedBackend(), env)) {
                // one key table on the shared database: a key made through one instance works on both
                String key = one.store.apiKeys().create("shared", "clinician").secret();
                java.util.List<String> seen = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> r = chat(i % 2 == 0 ? one : two, key);
                    seen.add(r.statusCode() == 200 ? "200" : r.statusCode() + " " + r.body());
                }
                assertThat(seen.stream().filter("200"::equals).count()).as("%s", seen).isEqualTo(6);
                assertThat(seen.stream().filter(x -> x.startsWith("429")).count()).as("%s", seen).isEqualTo(4);
            }
        }
    }

    /** Both instances must hold the same audit chain key, as a real deployment's would. */
    static final String AUDIT_KEY = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().generateSeed(32));

    /** Both instances must hold the same vault keyset, as a real deployment's would. */
    static final String VAULT_KEYSET = org.clinigate.store.vault.VaultKeyset.generateJson();
}
