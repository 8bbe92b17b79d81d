package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.auth.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens against a real identity provider stand-in (a JWKS served over loopback HTTP): valid tokens
 * are served, roles map as configured, tenants stay apart, every bad token is refused with a stable code and
 * audited, and nothing of a token reaches a response, a log line or the audit log.
 */
class OidcIT {

    /** Planted in the claims of refused tokens; it must never come back or be written anywhere. */
    static final String CANARY = "Qqvanterix";
    static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    static final List<String> REFUSED_TOKENS = new CopyOnWriteArrayList<>();
    static PrintStream originalErr;
    static TestIdp idp;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        originalErr = System.err;
        System.setErr(new PrintStream(LOGS, true, StandardCharsets.UTF_8));
        idp = new TestIdp();
        Map<String, String> env = new HashMap<>(idp.env("keys+oidc"));
        // Keycloak's layout: realm roles under realm_access.roles, and site-specific names for clinicians.
        env.put("CLINIGATE_AUTH_OIDC_ROLES_CLAIM", "realm_access.roles");
        env.put("CLINIGATE_AUTH_OIDC_ROLE_MAP_CLINICIAN", "physician,nurse");
        gateway = new Gateway(new ScriptedBackend(), env);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        idp.close();
        System.setErr(originalErr);
        String logs = LOGS.toString(StandardCharsets.UTF_8);
        assertThat(logs).doesNotContain(CANARY);
        for (String t : REFUSED_TOKENS) {
            for (String part : t.split("\\.")) {
                if (part.length() > 8) {
                    assertThat(logs).doesNotContain(part);
                }
            }
        }
    }

    private static TestIdp.Token token(String... idpRoles) {
        return idp.token().without("roles").claim("realm_access", Map.of("roles", List.of(idpRoles)));
    }

    static HttpResponse<String> send(Gateway g, String method, String path, String bearer, String conversation)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(g.uri(path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b = method.equals("GET")
                ? b.GET()
                : b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("Pt Zxqwerty Canarion seen.", false,
                                conversation)));
        return g.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> chat(Gateway g, String bearer) throws Exception {
        return send(g, "POST", "/v1/chat/completions", bearer, null);
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return Gateway.json(r.body()).path("error").path("code").asText();
    }

    private static List<AuditRecord> audit() {
        return gateway.store.auditLog().read(1, 10_000);
    }

    @Test
    void a_valid_token_is_served_and_audited_under_its_tenant_and_subject() throws Exception {
        String token = token("physician").tenant("st-olaf").claim("sub", "u-4711").sign();
        HttpResponse<String> r = chat(gateway, token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Canarion");
        List<AuditRecord> records = audit();
        AuditRecord last = records.get(records.size() - 1);
        assertThat(last.event().tenant()).isEqualTo("st-olaf");
        assertThat(last.event().principal()).isEqualTo("oidc:u-4711");
        assertThat(last.event().role()).isEqualTo("clinician");
        assertThat(last.event().outcome()).isEqualTo(AuditOutcome.ALLOWED);
        assertThat(records.toString()).doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void an_ec_signed_token_is_served_too() throws Exception {
        assertThat(chat(gateway, token("nurse").signedBy(idp.ec).sign()).statusCode()).isEqualTo(200);
    }

    @Test
    void api_keys_still_work_beside_tokens() throws Exception {
        ApiKeys.Created k = gateway.store.apiKeys().create("st-olaf", "clinician");
        assertThat(chat(gateway, k.secret()).statusCode()).isEqualTo(200);
    }

    @Test
    void every_token_role_meets_every_endpoint_as_declared() throws Exception {
        // Clinigate role -> the IdP role name configured for it (clinician is mapped from physician and nurse).
        Map<String, String> idpName = Map.of("clinician", "physician", "reviewer", "reviewer", "researcher",
                "researcher", "admin", "admin");
        Map<String, Set<String>> allowed = Map.of("POST /v1/chat/completions", Set.of("clinician"), "GET /v1/models",
                ApiKeys.ROLES);
        for (String role : ApiKeys.ROLES) {
            String token = token(idpName.get(role)).tenant("matrix").sign();
            for (Map.Entry<String, Set<String>> e : allowed.entrySet()) {
                String[] mp = e.getKey().split(" ");
                HttpResponse<String> r = send(gateway, mp[0], mp[1], token, null);
                assertThat(r.statusCode()).as("%s as %s", e.getKey(), role)
                        .isEqualTo(e.getValue().contains(role) ? 200 : 403);
            }
        }
        // An IdP role that maps to nothing, and the Clinigate name that this site mapped away, grant nothing.
        for (String unmapped : List.of("offline_access", "clinician")) {
            String token = token(unmapped).tenant("matrix").sign();
            for (String endpoint : allowed.keySet()) {
                String[] mp = endpoint.split(" ");
                HttpResponse<String> r = send(gateway, mp[0], mp[1], token, null);
                assertThat(r.statusCode()).as("%s with IdP role %s", endpoint, unmapped).isEqualTo(403);
                assertThat(code(r)).isEqualTo("CG-4012");
            }
        }
    }

    @Test
    void one_tenant_can_never_relink_another_tenants_pseudonyms() throws Exception {
        String a = token("physician").tenant("hospital-a").sign();
        String b = token("physician").tenant("hospital-b").sign();
        HttpResponse<String> first = send(gateway, "POST", "/v1/chat/completions", a, "shared-9");
        assertThat(first.body()).contains("Canarion");
        HttpResponse<String> second = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + b)
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("Who is [NAME_1]?", false, "shared-9")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).doesNotContain("Canarion");
    }

    @Test
    void every_bad_token_is_refused_with_its_code_audited_and_never_echoed() throws Exception {
        Instant now = Instant.now();
        // name -> {token, expected status, expected code, word the message must hold}
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("forged signature", new Object[]{canary().signedBy(TestIdp.rsa("rsa-1")).sign(), 401, "CG-4013",
                "signature"});
        String[] genuine = canary().sign().split("\\.");
        String[] other = canary().tenant("hospital-b").sign().split("\\.");
        cases.put("tampered payload", new Object[]{genuine[0] + "." + other[1] + "." + genuine[2], 401, "CG-4013",
                "signature"});
        cases.put("wrong issuer", new Object[]{canary().claim("iss", "https://" + CANARY + ".example").sign(), 401,
                "CG-4013", "issuer"});
        cases.put("wrong audience", new Object[]{canary().claim("aud", CANARY).sign(), 401, "CG-4013", "aud"});
        cases.put("expired", new Object[]{canary().expires(now.minusSeconds(600)).sign(), 401, "CG-4013",
                "expired"});
        cases.put("not yet valid", new Object[]{canary().notBefore(now.plusSeconds(600)).sign(), 401, "CG-4013",
                "not valid yet"});
        cases.put("issued in the future", new Object[]{canary().issued(now.plusSeconds(3600)).sign(), 401,
                "CG-4013", "not valid yet"});
        cases.put("alg none", new Object[]{canary().unsigned(), 401, "CG-4013", "alg none"});
        cases.put("HS256 under a guessed secret", new Object[]{canary().signHs256(new byte[32]), 401, "CG-4013",
                "algorithm"});
        cases.put("malformed", new Object[]{"eyJhbGciOiJSUzI1NiJ9.eyJ" + CANARY + ".c2ln", 401, "CG-4013",
                "well-formed"});
        cases.put("unknown kid", new Object[]{canary().signedBy(TestIdp.rsa("rsa-" + CANARY)).sign(), 401,
                "CG-4013", "kid"});
        cases.put("no tenant", new Object[]{canary().without("tenant").sign(), 401, "CG-4013", "tenant"});
        cases.put("SQL in the tenant", new Object[]{canary().tenant("x'; DROP TABLE audit_record; --" + CANARY)
                .sign(), 401, "CG-4013", "tenant"});
        cases.put("no expiry", new Object[]{canary().without("exp").sign(), 401, "CG-4013", "expiry"});
        cases.put("neither key nor JWT", new Object[]{"' OR 1=1 --" + CANARY, 401, "CG-4010", "not"});
        cases.put("role without chat", new Object[]{token("researcher").claim("sub", "researcher-1").sign(), 403,
                "CG-4012", "clinician"});
        long deniedBefore = audit().stream().filter(r -> r.event().outcome() == AuditOutcome.DENIED).count();
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            String token = (String) c.getValue()[0];
            REFUSED_TOKENS.add(token);
            HttpResponse<String> r = chat(gateway, token);
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue()[1]);
            assertThat(code(r)).as(c.getKey()).isEqualTo(c.getValue()[2]);
            String message = Gateway.json(r.body()).path("error").path("message").asText();
            assertThat(message).as(c.getKey()).contains((String) c.getValue()[3]);
            assertThat(r.body()).as(c.getKey()).doesNotContain(CANARY).doesNotContain("DROP")
                    .doesNotContainIgnoringCase("exception").doesNotContain("\tat ");
            for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                    assertThat(r.body()).as(c.getKey()).doesNotContain(part);
                }
            }
            if (r.statusCode() == 401) {
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(c.getKey()).hasValueSatisfying(
                        v -> assertThat(v).startsWith("Bearer"));
            }
        }
        List<AuditRecord> records = audit();
        assertThat(records.stream().filter(r -> r.event().outcome() == AuditOutcome.DENIED).count() - deniedBefore)
                .isGreaterThanOrEqualTo(cases.size());
        assertThat(records.toString()).doesNotContain(CANARY).doesNotContain("DROP");
        assertThat(records.stream().map(r -> r.event().errorCode()).toList()).contains("CG-4013", "CG-4012");
        // The 403 is recorded under the token's identity; the 401s under no identity at all.
        assertThat(records.stream().filter(r -> "oidc:researcher-1".equals(r.event().principal())).toList())
                .singleElement().satisfies(r -> assertThat(r.event().httpStatus()).isEqualTo(403));
        assertThat(gateway.store.auditLog().verify().ok()).isTrue();
    }

    /** A token for the main gateway that would be valid, with the canary planted in its subject. */
    private static TestIdp.Token canary() {
        return token("physician").claim("sub", "user-" + CANARY);
    }

    @Test
    void a_token_is_refused_where_only_keys_are_accepted_and_a_key_where_only_tokens_are() throws Exception {
        try (Gateway keysOnly = new Gateway(new ScriptedBackend(), Map.of("CLINIGATE_AUTH_MODE", "keys"))) {
            HttpResponse<String> r = chat(keysOnly, idp.token().sign());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("CG-4010");
        }
        try (Gateway tokensOnly = new Gateway(new ScriptedBackend(), idp.env("oidc"))) {
            ApiKeys.Created k = tokensOnly.store.apiKeys().create("st-olaf", "clinician");
            HttpResponse<String> r = chat(tokensOnly, k.secret());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("CG-4010");
            assertThat(r.body()).doesNotContain(k.secret());
            assertThat(chat(tokensOnly, idp.token().sign()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_key_rotated_at_the_identity_provider_is_accepted_after_a_refresh_and_survives_its_outage()
            throws Exception {
        try (TestIdp rotating = new TestIdp();
                Gateway g = new Gateway(new ScriptedBackend(), rotating.env("oidc"))) {
            assertThat(chat(g, rotating.token().sign()).statusCode()).isEqualTo(200);
            assertThat(rotating.fetches.get()).isEqualTo(1);
            assertThat(chat(g, rotating.token().sign()).statusCode()).isEqualTo(200);
            assertThat(rotating.fetches.get()).as("served from the cache").isEqualTo(1);
            var next = TestIdp.rsa("rsa-2");
            rotating.publish(rotating.rsa, next);
            assertThat(chat(g, rotating.token().signedBy(next).sign()).statusCode()).isEqualTo(200);
            assertThat(rotating.fetches.get()).as("refreshed once for the new kid").isEqualTo(2);
            // The provider goes down: keys already fetched keep working.
            rotating.failing(true);
            assertThat(chat(g, rotating.token().signedBy(next).sign()).statusCode()).isEqualTo(200);
            assertThat(chat(g, rotating.token().sign()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_identity_provider_that_cannot_be_reached_gives_503_then_recovers_without_restart() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(idp.env("oidc"));
        env.put("CLINIGATE_AUTH_OIDC_JWKS_URL", "http://127.0.0.1:" + closed + "/jwks");
        try (Gateway g = new Gateway(new ScriptedBackend(), env)) {
            for (int i = 0; i < 3; i++) { // the third is past the refresh rate limit and must still say 503
                HttpResponse<String> r = chat(g, idp.token().sign());
                assertThat(r.statusCode()).as("attempt %d", i).isEqualTo(503);
                assertThat(code(r)).isEqualTo("CG-4014");
                assertThat(Gateway.json(r.body()).path("error").path("message").asText())
                        .contains("signing keys cannot be fetched");
            }
            var records = g.store.auditLog().read(1, 100);
            assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.event().errorCode()).isEqualTo("CG-4014"));
        }
        try (TestIdp flaky = new TestIdp();
                Gateway g = new Gateway(new ScriptedBackend(), flaky.env("oidc"))) {
            flaky.failing(true);
            HttpResponse<String> down = chat(g, flaky.token().sign());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(code(down)).isEqualTo("CG-4014");
            flaky.failing(false);
            assertThat(chat(g, flaky.token().sign()).statusCode()).isEqualTo(200);
        }
    }
}
