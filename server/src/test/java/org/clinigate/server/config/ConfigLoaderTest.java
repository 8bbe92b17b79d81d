package org.clinigate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path p = dir.resolve("clinigate.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void defaults_apply_without_a_file() {
        GatewayConfig c = loader.load(null, Map.of());
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.backends()).isEmpty();
    }

    @Test
    void semantic_terminology_is_off_by_default_and_switched_on_by_the_environment() {
        assertThat(loader.load(null, Map.of()).terminology().semantic()).isFalse();
        GatewayConfig on = loader.load(null, Map.of("CLINIGATE_TERMINOLOGY_SEMANTIC", "true",
                "CLINIGATE_TERMINOLOGY_FILES", "/srv/icd10cm_order_2026.txt"));
        assertThat(on.terminology().semantic()).isTrue();
        assertThat(on.terminology().files()).containsExactly("/srv/icd10cm_order_2026.txt");
    }

    @Test
    void environment_overrides_the_file_including_multi_word_keys_and_list_entries() throws IOException {
        Path file = yaml("""
                server:
                  port: 9000
                backends:
                  - name: vllm-27b
                    type: openai
                    url: http://gpu-box:8000/v1
                    models: [medgemma-27b]
                """);
        GatewayConfig c = loader.load(file, Map.of("CLINIGATE_SERVER_PORT", "9090",
                "CLINIGATE_SERVER_MAX_BODY_BYTES", "2048", "CLINIGATE_BACKENDS_0_MODELS", "a, b",
                "CLINIGATE_BACKENDS_1_NAME", "local", "CLINIGATE_BACKENDS_1_TYPE", "llama-cpp",
                "CLINIGATE_BACKENDS_1_MODEL_PATH", "m.gguf", "CLINIGATE_BACKENDS_1_MODELS", "medgemma-4b",
                "CLINIGATE_JAVA_OPTS", "-Xmx1g", "HOME", "/root"));
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.server().maxBodyBytes()).isEqualTo(2048);
        assertThat(c.backends()).hasSize(2);
        assertThat(c.backends().get(0).models()).containsExactly("a", "b");
        assertThat(c.backends().get(0).retries()).isEqualTo(2);
        assertThat(c.backends().get(1).modelPath()).isEqualTo("m.gguf");
    }

    @Test
    void secret_variables_named_by_env_settings_are_not_mistaken_for_settings() throws IOException {
        Path file = yaml("""
                backends:
                  - name: vllm
                    type: openai
                    url: http://127.0.0.1:8000/v1
                    models: [medgemma-27b]
                    api_key_env: CLINIGATE_UPSTREAM_TOKEN
                """);
        GatewayConfig c = loader.load(file, Map.of("CLINIGATE_AUDIT_KEY", "x", "CLINIGATE_VAULT_KEYSET", "{}",
                "CLINIGATE_DB_PASSWORD", "pw", "CLINIGATE_UPSTREAM_TOKEN", "t", "CLINIGATE_SERVER_PORT", "9001"));
        assertThat(c.server().port()).isEqualTo(9001);
        assertThat(c.vault().kind()).isEqualTo("database");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_VAULT_KEYSETT", "{}")))
                .hasMessageContaining("CLINIGATE_VAULT_KEYSETT");
    }

    @Test
    void the_audit_journal_is_off_by_default_and_reaches_the_store_when_set() {
        GatewayConfig off = loader.load(null, Map.of());
        assertThat(off.audit().journal()).isFalse();
        assertThat(org.clinigate.server.Application.storeConfig(off).audit().journal()).isFalse();
        GatewayConfig on = loader.load(null, Map.of("CLINIGATE_AUDIT_JOURNAL", "true"));
        assertThat(org.clinigate.server.Application.storeConfig(on).audit().journal()).isTrue();
    }

    @Test
    void quota_overrides_can_be_listed_from_the_environment_and_are_validated() {
        GatewayConfig c = loader.load(null, Map.of("CLINIGATE_QUOTAS_OVERRIDES_0_TENANT", "icu",
                "CLINIGATE_QUOTAS_OVERRIDES_0_TOKENS_PER_MINUTE", "50000", "CLINIGATE_QUOTAS_KEY_REQUESTS_PER_MINUTE",
                "60"));
        assertThat(c.quotas().overrides()).singleElement().satisfies(o -> {
            assertThat(o.tenant()).isEqualTo("icu");
            assertThat(o.tokensPerMinute()).isEqualTo(50_000);
        });
        assertThat(c.quotas().key().requestsPerMinute()).isEqualTo(60);
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_QUOTAS_OVERRIDES_0_TENANT", "x'; --")))
                .hasMessageContaining("quotas.overrides[0].tenant");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_QUOTAS_TENANT_REQUESTS_PER_MINUTE", "-1")))
                .hasMessageContaining("quotas.tenant.requests_per_minute");
    }

    @Test
    void a_wrong_setting_fails_fast_and_names_it() throws IOException {
        assertThatThrownBy(() -> loader.load(yaml("server:\n  prot: 1\n"), Map.of()))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("server.prot")
                .hasMessageContaining("port");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_SERVER_PORT", "eighty")))
                .hasMessageContaining("server.port");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_SERVER_PORT", "70000")))
                .hasMessageContaining("server.port").hasMessageContaining("65535");
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_SERVR_PORT", "1")))
                .hasMessageContaining("CLINIGATE_SERVR_PORT");
        assertThatThrownBy(() -> loader.load(yaml("backends:\n  - name: x\n    type: openai\n    models: [m]\n"),
                Map.of())).hasMessageContaining("backends[0].url");
        assertThatThrownBy(() -> loader.load(yaml("""
                backends:
                  - {name: a, type: openai, url: "http://h/v1", models: [m]}
                  - {name: b, type: openai, url: "http://h/v1", models: [m]}
                """), Map.of())).hasMessageContaining("backends[1].models").hasMessageContaining("two backends");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"), Map.of())).hasMessageContaining("--config");
    }

    @Test
    void oidc_settings_have_safe_defaults() {
        GatewayConfig.Auth a = loader.load(null, Map.of()).auth();
        assertThat(a.mode()).isEqualTo("keys");
        assertThat(a.keys()).isTrue();
        assertThat(a.tokens()).isFalse();
        assertThat(a.oidc().tenantClaim()).isEqualTo("tenant");
        assertThat(a.oidc().rolesClaim()).isEqualTo("roles");
        assertThat(a.oidc().clockSkewSeconds()).isEqualTo(60);
        assertThat(a.oidc().algorithms()).containsExactly("RS256", "ES256");
        assertThat(a.oidc().roleMap().clinician()).containsExactly("clinician");
        assertThat(a.oidc().roleMap().admin()).containsExactly("admin");
    }

    @Test
    void oidc_settings_come_from_the_file_and_the_environment() throws IOException {
        Path file = yaml("""
                auth:
                  mode: oidc
                  oidc:
                    issuer: https://kc.example/realms/clinic
                    audience: clinigate
                    jwks_file: /etc/clinigate/jwks.json
                    role_map:
                      clinician: [physician]
                      admin: []
                """);
        GatewayConfig.Auth a = loader.load(file, Map.of("CLINIGATE_AUTH_MODE", "keys+oidc",
                "CLINIGATE_AUTH_OIDC_ISSUER", "https://kc.example/realms/other", "CLINIGATE_AUTH_OIDC_JWKS_FILE", "",
                "CLINIGATE_AUTH_OIDC_JWKS_URL", "https://kc.example/realms/other/protocol/openid-connect/certs",
                "CLINIGATE_AUTH_OIDC_ROLES_CLAIM", "realm_access.roles", "CLINIGATE_AUTH_OIDC_TENANT_CLAIM", "org",
                "CLINIGATE_AUTH_OIDC_ROLE_MAP_CLINICIAN", "physician, nurse",
                "CLINIGATE_AUTH_OIDC_CLOCK_SKEW_SECONDS", "30", "CLINIGATE_AUTH_OIDC_ALGORITHMS", "PS256,ES384"))
                .auth();
        assertThat(a.keys()).isTrue();
        assertThat(a.tokens()).isTrue();
        GatewayConfig.Oidc o = a.oidc();
        assertThat(o.issuer()).isEqualTo("https://kc.example/realms/other");
        assertThat(o.audience()).isEqualTo("clinigate");
        assertThat(o.jwksUrl()).endsWith("/certs");
        assertThat(o.rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(o.tenantClaim()).isEqualTo("org");
        assertThat(o.roleMap().clinician()).containsExactly("physician", "nurse");
        assertThat(o.roleMap().admin()).isEmpty();
        assertThat(o.roleMap().reviewer()).containsExactly("reviewer");
        assertThat(o.clockSkewSeconds()).isEqualTo(30);
        assertThat(o.algorithms()).containsExactly("PS256", "ES384");
    }

    @Test
    void a_wrong_oidc_setting_fails_fast_and_names_it() throws IOException {
        Map<String, String> ok = Map.of("CLINIGATE_AUTH_MODE", "oidc", "CLINIGATE_AUTH_OIDC_ISSUER", "https://idp",
                "CLINIGATE_AUTH_OIDC_AUDIENCE", "clinigate", "CLINIGATE_AUTH_OIDC_JWKS_URL", "https://idp/jwks");
        assertThat(loader.load(null, ok).auth().tokens()).isTrue();
        assertThatThrownBy(() -> loader.load(null, Map.of("CLINIGATE_AUTH_MODE", "saml")))
                .hasMessageContaining("auth.mode").hasMessageContaining("keys, oidc, keys+oidc, none");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_ISSUER", "")))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("auth.oidc.issuer");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_AUDIENCE", " ")))
                .hasMessageContaining("auth.oidc.audience");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_JWKS_URL", "")))
                .hasMessageContaining("auth.oidc.jwks_url").hasMessageContaining("exactly one");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_JWKS_FILE", "/etc/jwks.json")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_JWKS_URL", "ftp://idp/jwks")))
                .hasMessageContaining("auth.oidc.jwks_url").hasMessageContaining("http");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_ALGORITHMS", "RS256,none")))
                .hasMessageContaining("auth.oidc.algorithms").hasMessageContaining("never");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_ALGORITHMS", "HS256")))
                .hasMessageContaining("auth.oidc.algorithms").hasMessageContaining("not supported");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_ALGORITHMS", "EdDSA")))
                .hasMessageContaining("auth.oidc.algorithms").hasMessageContaining("RS256");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_ALGORITHMS", "")))
                .hasMessageContaining("auth.oidc.algorithms");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_CLOCK_SKEW_SECONDS", "3600")))
                .hasMessageContaining("auth.oidc.clock_skew_seconds").hasMessageContaining("600");
        Map<String, String> sso = with(ok, "CLINIGATE_AUTH_OIDC_CONSOLE_CLIENT_ID", "console");
        assertThatThrownBy(() -> loader.load(null, sso)).hasMessageContaining(
                "auth.oidc.console.authorization_endpoint");
        Map<String, String> sso2 = with(with(sso, "CLINIGATE_AUTH_OIDC_CONSOLE_AUTHORIZATION_ENDPOINT",
                "https://idp/auth"), "CLINIGATE_AUTH_OIDC_CONSOLE_TOKEN_ENDPOINT", "https://idp/token");
        assertThat(loader.load(null, sso2).auth().oidc().console().enabled()).isTrue();
        assertThatThrownBy(() -> loader.load(null, with(sso2, "CLINIGATE_AUTH_OIDC_CONSOLE_TOKEN", "refresh_token")))
                .hasMessageContaining("auth.oidc.console.token").hasMessageContaining("id_token");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_TENANT_CLAIM", "my tenant")))
                .hasMessageContaining("auth.oidc.tenant_claim");
        assertThatThrownBy(() -> loader.load(null, with(ok, "CLINIGATE_AUTH_OIDC_ROLE_MAP_DOCTOR", "x")))
                .hasMessageContaining("CLINIGATE_AUTH_OIDC_ROLE_MAP_DOCTOR");
        assertThatThrownBy(() -> loader.load(yaml("auth:\n  oidc:\n    role_map:\n      doctor: [x]\n"), ok))
                .hasMessageContaining("auth.oidc.role_map.doctor");
        // With keys only, the oidc block is not checked: an unfinished one does not stop start-up.
        assertThat(loader.load(null, Map.of("CLINIGATE_AUTH_OIDC_ISSUER", "")).auth().tokens()).isFalse();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
