package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinigate.store.testing.EmbeddedPg;
import org.clinigate.store.testing.TcpProxy;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away in the middle of a run (the network to it is cut): every request that needs it answers 503
 * with a retriable code and no connection details, the gateway stays up, and once the database is back requests
 * succeed again without a restart, with the audit chain intact.
 */
class DatabaseOutageIT {

    private static HttpResponse<String> chat(Gateway g, String key, String text) throws Exception {
        return g.http.send(HttpRequest.newBuilder(g.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat(text, false, "outage-1"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requests_fail_with_503_while_the_database_is_away_and_succeed_again_after_it_returns() throws Exception {
        try (EmbeddedPg pg = EmbeddedPg.start()) {
            String db = pg.createDatabase();
            try (TcpProxy proxy = new TcpProxy(pg.port())) {
                Map<String, String> env = Map.of("CLINIGATE_AUTH_MODE", "keys", "CLINIGATE_DB_URL",
                        EmbeddedPg.url("127.0.0.1", proxy.port(), db), "CLINIGATE_DB_USER", "postgres",
                        "CLINIGATE_QUOTAS_TENANT_REQUESTS_PER_MINUTE", "10000", "CLINIGATE_AUDIT_KEY",
                        QuotaIT.AUDIT_KEY, "CLINIGATE_VAULT_KEYSET", QuotaIT.VAULT_KEYSET);
                try (Gateway g = new Gateway(new ScriptedBackend(), env)) {
                    String key = g.store.apiKeys().create("ward-3", "clinician").secret();
                    assertThat(chat(g, key, "Pt Orlwyn Tesselbright seen.").statusCode()).isEqualTo(200);

                    proxy.cut();
                    List<HttpResponse<String>> during = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        during.add(chat(g, key, "Pt Orlwyn Tesselbright again."));
                    }
                    for (HttpResponse<String> r : during) {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                        String code = Gateway.json(r.body()).path("error").path("code").asText();
                        assertThat(code).isIn("CG-4001", "CG-4002");
                        assertThat(r.body()).doesNotContain("jdbc:").doesNotContain("Tesselbright")
                                .doesNotContain(String.valueOf(proxy.port()));
                    }
                    assertThat(g.get("/healthz").statusCode()).isEqualTo(200);
                    HttpResponse<String> ready = g.get("/readyz");
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(Gateway.json(ready.body()).path("database").path("ready").asBoolean()).isFalse();

                    proxy.restore();
                    int status = 0;
                    for (int attempt = 0; attempt < 40 && status != 200; attempt++) {
                        status = chat(g, key, "Pt Orlwyn Tesselbright is better.").statusCode();
                        if (status != 200) {
                            Thread.sleep(250);
                        }
                    }
                    assertThat(status).isEqualTo(200);
                    assertThat(Gateway.json(g.get("/readyz").body()).path("database").path("ready").asBoolean())
                            .isTrue();
                    var report = g.store.auditLog().verify();
                    assertThat(report.ok()).as(report.describe()).isTrue();
                }
            }
        }
    }
}
