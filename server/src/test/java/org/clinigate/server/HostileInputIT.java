package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL-significant and control characters in every field a client controls, against a real PostgreSQL: each
 * request is answered (200) or refused with a clear 4xx, never a 500; nothing is injected; the chain still verifies.
 */
class HostileInputIT {

    static final List<String> HOSTILE = List.of("'; DROP TABLE audit_record; --", "\" OR \"1\"=\"1", "x\\' OR 1=1 #",
            "$$; SELECT pg_sleep(5); $$", "Robert'); DELETE FROM api_key;--", "%_%", "\u0000nul", "\u202Eevil",
            "😀🏥", "a\r\nInjected-Header: 1");

    static EmbeddedPg pg;
    static Gateway gateway;
    static String key;

    @BeforeAll
    static void start() {
        pg = EmbeddedPg.start();
        gateway = new Gateway(new ScriptedBackend(),
                Map.of("CLINIGATE_AUTH_MODE", "keys", "CLINIGATE_DB_URL", pg.url(pg.createDatabase()),
                        "CLINIGATE_DB_USER", "postgres", "CLINIGATE_AUDIT_STORE_TEXT", "true",
                        "CLINIGATE_QUOTAS_TENANT_REQUESTS_PER_MINUTE", "100000"));
        key = gateway.store.apiKeys().create("hostile", "clinician").secret();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        pg.close();
    }

    private static HttpResponse<String> send(String body) throws Exception {
        return gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hostile_strings_in_every_field_are_served_or_refused_cleanly_and_inject_nothing() throws Exception {
        int served = 0;
        for (String h : HOSTILE) {
            for (String field : List.of("content", "conversation_id", "patient_id", "model", "name", "stop")) {
                ObjectNode body = Gateway.JSON.createObjectNode().put("model",
                        field.equals("model") ? h : "test-model");
                ObjectNode msg = body.putArray("messages").addObject().put("role", "user")
                        .put("content", field.equals("content") ? "Pt note " + h : "hello");
                if (field.equals("name")) {
                    msg.put("name", h);
                }
                if (field.equals("stop")) {
                    body.putArray("stop").add(h);
                }
                if (field.equals("conversation_id")) {
                    body.putObject("clinigate").put("conversation_id", h);
                }
                if (field.equals("patient_id")) {
                    body.putObject("clinigate").put("patient_id", h);
                }
                HttpResponse<String> r = send(body.toString());
                assertThat(r.statusCode()).as("%s in %s: %s", h, field, r.body()).isIn(200, 400, 404);
                if (r.statusCode() == 200) {
                    served++;
                } else {
                    assertThat(Gateway.json(r.body()).path("error").path("code").asText()).startsWith("CG-");
                }
            }
        }
        assertThat(served).isGreaterThan(HOSTILE.size() * 3);
        var report = gateway.store.auditLog().verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.recordsChecked()).isGreaterThanOrEqualTo(HOSTILE.size() * 6L);
        // the tables are all still there, and the key still works
        assertThat(send(Gateway.chat("still here", false, null)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_hostile_bearer_value_is_refused_and_not_echoed() throws Exception {
        for (String h : HOSTILE) {
            if (!h.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                continue; // the HTTP client refuses to send control or non-ASCII characters in a header value
            }
            HttpResponse<String> r = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/models"))
                    .header("Authorization", "Bearer cg_" + h).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).doesNotContain(h);
        }
    }
}
