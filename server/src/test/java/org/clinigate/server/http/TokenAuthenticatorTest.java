package org.clinigate.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.server.TestIdp;
import org.clinigate.server.config.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token checks and claim mapping, with the issuer's keys in a JWKS file (the air-gapped set-up). */
class TokenAuthenticatorTest {

    static final RSAKey KEY = TestIdp.rsa("file-1");
    static final GatewayConfig.RoleMap IDENTITY = new GatewayConfig.RoleMap(List.of("clinician"),
            List.of("reviewer"), List.of("researcher"), List.of("admin"));

    @TempDir
    Path dir;
    Path jwks;
    TokenAuthenticator auth;

    @BeforeEach
    void writeJwks() throws IOException {
        jwks = dir.resolve("jwks.json");
        publish(KEY);
    }

    @AfterEach
    void close() {
        if (auth != null) {
            auth.close();
        }
    }

    private void publish(JWK... keys) throws IOException {
        Files.writeString(jwks, new JWKSet(List.of(keys)).toString()); // private parts too: only public ones are used
    }

    private TokenAuthenticator auth(String tenantClaim, String rolesClaim, GatewayConfig.RoleMap map) {
        auth = new TokenAuthenticator(new GatewayConfig.Oidc(TestIdp.ISSUER, TestIdp.AUDIENCE, "", jwks.toString(),
                tenantClaim, rolesClaim, map, 60, List.of("RS256", "ES256"), null));
        return auth;
    }

    private TokenAuthenticator auth() {
        return auth("tenant", "roles", IDENTITY);
    }

    private static TestIdp.Token token() {
        return TestIdp.tokenSignedBy(KEY);
    }

    /** The refusal's message; fails the test unless the token is refused with CG-4013. */
    private static String refusal(TokenAuthenticator a, String token) {
        try {
            a.authenticate(token);
        } catch (ClinigateException e) {
            assertThat(e.code().code()).isEqualTo("CG-4013");
            return e.getMessage();
        }
        throw new AssertionError("the token was accepted");
    }

    @Test
    void a_valid_token_becomes_its_tenant_subject_and_roles() {
        Principal p = auth().authenticate(token().roles("clinician", "reviewer", "offline_access").sign());
        assertThat(p.tenant()).isEqualTo("hospital-a");
        assertThat(p.subject()).isEqualTo("oidc:user-1");
        assertThat(p.roles()).containsExactlyInAnyOrder("clinician", "reviewer");
    }

    @Test
    void roles_come_from_a_dotted_path_and_are_mapped_from_idp_names() {
        GatewayConfig.RoleMap map = new GatewayConfig.RoleMap(List.of("physician", "nurse"), List.of(), List.of(),
                List.of("gateway-admin"));
        TokenAuthenticator a = auth("tenant", "realm_access.roles", map);
        Principal p = a.authenticate(token().without("roles")
                .claim("realm_access", Map.of("roles", List.of("nurse", "gateway-admin", "clinician"))).sign());
        assertThat(p.roles()).containsExactlyInAnyOrder("clinician", "admin");
    }

    @Test
    void a_namespaced_claim_with_dots_is_read_literally_and_a_space_separated_string_is_a_role_list() {
        TokenAuthenticator a = auth("https://clinigate.example/tenant", "scope", IDENTITY);
        Principal p = a.authenticate(token().without("tenant").claim("https://clinigate.example/tenant", "clinic-9")
                .claim("scope", "openid researcher profile").sign());
        assertThat(p.tenant()).isEqualTo("clinic-9");
        assertThat(p.roles()).containsExactly("researcher");
    }

    @Test
    void roles_that_map_to_nothing_give_an_empty_role_set() {
        assertThat(auth().authenticate(token().roles("offline_access").sign()).roles()).isEmpty();
        assertThat(auth.authenticate(token().without("roles").sign()).roles()).isEmpty();
    }

    @Test
    void clock_skew_is_tolerated_within_the_setting_and_not_beyond() {
        Instant now = Instant.now();
        TokenAuthenticator a = auth();
        assertThat(a.authenticate(token().expires(now.minusSeconds(30)).sign()).tenant()).isEqualTo("hospital-a");
        assertThat(a.authenticate(token().notBefore(now.plusSeconds(30)).sign()).tenant()).isEqualTo("hospital-a");
        assertThat(refusal(a, token().expires(now.minusSeconds(120)).sign())).contains("expired");
        assertThat(refusal(a, token().notBefore(now.plusSeconds(120)).sign())).contains("not valid yet");
        assertThat(refusal(a, token().issued(now.plus(Duration.ofHours(1))).sign())).contains("not valid yet");
    }

    @Test
    void each_failed_check_is_named_without_echoing_the_token() {
        TokenAuthenticator a = auth();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(token().claim("iss", "https://evil.example/").sign(), "issuer");
        cases.put(token().claim("aud", List.of("someone-else")).sign(), "aud");
        cases.put(token().without("exp").sign(), "no expiry");
        cases.put(token().without("sub").sign(), "subject");
        cases.put(token().claim("sub", "a b").sign(), "subject");
        cases.put(token().without("tenant").sign(), "tenant");
        cases.put(token().tenant("x'; DROP TABLE api_key;--").sign(), "tenant");
        cases.put(token().claim("tenant", 42).sign(), "tenant");
        cases.put(token().type(new JOSEObjectType("secevent+jwt")).sign(), "typ");
        cases.put(token().signedBy(TestIdp.rsa("file-1")).sign(), "signature"); // same kid, another key
        cases.put(token().signedBy(TestIdp.rsa("nobody")).sign(), "kid");
        cases.put(token().signedBy(TestIdp.ec("file-1")).sign(), "kid"); // no EC key of that id
        cases.put(token().unsigned(), "alg none");
        cases.put(token().signHs256(new byte[32]), "algorithm");
        cases.put("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "well-formed");
        cases.put("a.b.c", "well-formed");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String message = refusal(a, c.getKey());
            assertThat(message).as(c.getValue()).contains(c.getValue());
            for (String part : c.getKey().split("\\.")) {
                if (part.length() > 3) {
                    assertThat(message).doesNotContain(part);
                }
            }
            assertThat(message).doesNotContain("evil").doesNotContain("DROP").doesNotContain("someone-else");
        }
    }

    @Test
    void a_forged_payload_under_a_genuine_signature_is_refused() {
        String[] genuine = token().sign().split("\\.");
        String[] other = token().tenant("hospital-b").sign().split("\\.");
        assertThat(refusal(auth(), genuine[0] + "." + other[1] + "." + genuine[2])).contains("signature");
    }

    @Test
    void a_key_added_to_the_file_is_picked_up_without_a_restart() throws IOException {
        TokenAuthenticator a = auth();
        assertThat(a.authenticate(token().sign()).tenant()).isEqualTo("hospital-a"); // loads and caches the file
        RSAKey next = TestIdp.rsa("file-2");
        publish(KEY, next);
        // The cache is fresh, but an unknown kid makes it read the file again.
        assertThat(a.authenticate(TestIdp.tokenSignedBy(next).sign()).tenant()).isEqualTo("hospital-a");
        assertThat(a.authenticate(token().sign()).tenant()).isEqualTo("hospital-a");
    }

    @Test
    void a_jwks_file_that_cannot_be_read_stops_start_up_naming_the_setting() throws IOException {
        Files.writeString(jwks, "not json");
        assertThatThrownBy(this::auth).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("auth.oidc.jwks_file");
        Files.delete(jwks);
        assertThatThrownBy(this::auth).hasMessageContaining("auth.oidc.jwks_file");
        Files.writeString(jwks, "{\"keys\":[]}");
        assertThatThrownBy(this::auth).hasMessageContaining("auth.oidc.jwks_file")
                .hasMessageContaining("no public key");
    }
}
