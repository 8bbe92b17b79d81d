package org.clinigate.server.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Range and consistency checks on a bound {@link GatewayConfig}; each failure names its setting. */
final class Validator {

    private static final Set<String> TYPES = Set.of("openai", "llama-cpp");
    private static final List<String> MODES = List.of("keys", "oidc", "keys+oidc", "none");
    /** Asymmetric JWS algorithms that the JDK verifies without extra providers. */
    private static final List<String> ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256",
            "PS384", "PS512", "ES256", "ES384", "ES512");

    private Validator() {
    }

    static void validate(GatewayConfig c) {
        GatewayConfig.Server s = c.server();
        require(s.host() != null && !s.host().isBlank(), "server.host", "must not be empty");
        range("server.port", s.port(), 0, 65_535);
        range("server.max_body_bytes", s.maxBodyBytes(), 1_024, 1L << 30);
        range("server.max_json_depth", s.maxJsonDepth(), 4, 1_000);
        range("server.shutdown_grace_seconds", s.shutdownGraceSeconds(), 0, 600);
        range("server.request_timeout_seconds", s.requestTimeoutSeconds(), 1, 3_600);
        require("memory".equals(c.vault().kind()) || "database".equals(c.vault().kind()), "vault.kind",
                "allowed: database, memory");
        if ("database".equals(c.vault().kind())) {
            require(c.vault().keysetFile() != null && !c.vault().keysetFile().isBlank(), "vault.keyset_file",
                    "must not be empty");
            range("vault.retention_days", c.vault().retentionDays(), 1, 3650);
        }
        auth(c.auth());
        range("vault.max_scopes", c.vault().maxScopes(), 1, 100_000_000);
        require(c.dataDir() != null && !c.dataDir().isBlank(), "data_dir", "must not be empty");
        String url = c.db().url();
        require(url == null || url.isEmpty() || url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"),
                "db.url", "empty (embedded H2), jdbc:h2:... or jdbc:postgresql://...");
        range("audit.checkpoint_every", c.audit().checkpointEvery(), 1, 1_000_000);
        quotas(c.quotas());
        registry(c.registry());
        Set<String> names = new HashSet<>();
        Set<String> models = new HashSet<>();
        for (int i = 0; i < c.backends().size(); i++) {
            backend(c.backends().get(i), "backends[" + i + "].", names, models);
        }
    }

    private static void quotas(GatewayConfig.Quotas q) {
        require(q != null, "quotas", "must be present");
        range("quotas.tenant.requests_per_minute", q.tenant().requestsPerMinute(), 0, 100_000_000);
        range("quotas.tenant.tokens_per_minute", q.tenant().tokensPerMinute(), 0, 10_000_000_000L);
        range("quotas.key.requests_per_minute", q.key().requestsPerMinute(), 0, 100_000_000);
        range("quotas.key.tokens_per_minute", q.key().tokensPerMinute(), 0, 10_000_000_000L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < q.overrides().size(); i++) {
            GatewayConfig.TenantQuota o = q.overrides().get(i);
            String at = "quotas.overrides[" + i + "].";
            require(o.tenant() != null && org.clinigate.core.auth.ApiKeys.isTenantId(o.tenant()), at + "tenant",
                    "a tenant id: 1 to 128 of A-Z a-z 0-9 . _ -");
            require(seen.add(o.tenant()), at + "tenant", "each tenant at most once");
            range(at + "requests_per_minute", o.requestsPerMinute(), 0, 100_000_000);
            range(at + "tokens_per_minute", o.tokensPerMinute(), 0, 10_000_000_000L);
        }
    }

    private static void auth(GatewayConfig.Auth a) {
        require(a.mode() != null && MODES.contains(a.mode()), "auth.mode", "allowed: " + String.join(", ", MODES));
        if (!a.tokens()) {
            return; // the oidc block is ignored unless tokens are accepted
        }
        GatewayConfig.Oidc o = a.oidc();
        require(o != null, "auth.oidc", "required when auth.mode is " + a.mode());
        require(filled(o.issuer()), "auth.oidc.issuer", "the identity provider's issuer, exactly as in the iss claim");
        require(filled(o.audience()), "auth.oidc.audience",
                "the audience the tokens are issued for (this gateway's client id)");
        require(filled(o.jwksUrl()) != filled(o.jwksFile()), "auth.oidc.jwks_url",
                "set exactly one of auth.oidc.jwks_url (the issuer's JWKS endpoint) and auth.oidc.jwks_file");
        if (filled(o.jwksUrl())) {
            require(validHttpUrl(o.jwksUrl()), "auth.oidc.jwks_url", "an http:// or https:// URL");
        }
        require(claim(o.tenantClaim()), "auth.oidc.tenant_claim", "a claim name or dotted path, no spaces");
        require(claim(o.rolesClaim()), "auth.oidc.roles_claim", "a claim name or dotted path, no spaces");
        require(o.roleMap() != null, "auth.oidc.role_map", "a mapping of clinician, reviewer, researcher, admin");
        o.roleMap().byRole().forEach((role, names) -> names.forEach(n -> require(filled(n),
                "auth.oidc.role_map." + role, "IdP role names must not be empty")));
        range("auth.oidc.clock_skew_seconds", o.clockSkewSeconds(), 0, 600);
        GatewayConfig.Console c = o.console();
        if (c.enabled()) {
            require(validHttpUrl(c.authorizationEndpoint()), "auth.oidc.console.authorization_endpoint",
                    "an http:// or https:// URL (required when auth.oidc.console.client_id is set)");
            require(validHttpUrl(c.tokenEndpoint()), "auth.oidc.console.token_endpoint",
                    "an http:// or https:// URL (required when auth.oidc.console.client_id is set)");
            require("access_token".equals(c.token()) || "id_token".equals(c.token()), "auth.oidc.console.token",
                    "access_token or id_token");
            require(filled(c.scope()) && c.scope().matches("[\\x21\\x23-\\x5B\\x5D-\\x7E ]+"),
                    "auth.oidc.console.scope", "space-separated scope names");
        }
        require(!o.algorithms().isEmpty(), "auth.oidc.algorithms", "list at least one of " + ALGORITHMS);
        for (String alg : o.algorithms()) {
            require(!"none".equalsIgnoreCase(alg), "auth.oidc.algorithms", "none (unsigned tokens) is never allowed");
            require(alg == null || !alg.toUpperCase(Locale.ROOT).startsWith("HS"), "auth.oidc.algorithms",
                    "HS256/384/512 are not supported: whoever can check such a token can also mint one; use "
                            + ALGORITHMS);
            require(ALGORITHMS.contains(alg), "auth.oidc.algorithms", "allowed: " + ALGORITHMS + ", got " + alg);
        }
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean claim(String name) {
        return name != null && name.matches("\\S{1,256}");
    }

    private static void backend(GatewayConfig.Backend b, String p, Set<String> names, Set<String> models) {
        require(b.name() != null && b.name().matches("[a-z0-9-]{1,32}"), p + "name", "1 to 32 of [a-z0-9-]");
        require(names.add(b.name()), p + "name", "duplicate backend name");
        require(b.type() != null && TYPES.contains(b.type()), p + "type", "allowed: " + TYPES);
        require(!b.models().isEmpty(), p + "models", "list at least one model name");
        for (String m : b.models()) {
            require(models.add(m), p + "models", "model '" + m + "' is served by two backends");
        }
        range(p + "connect_timeout_ms", b.connectTimeoutMs(), 1, 600_000);
        range(p + "first_token_timeout_ms", b.firstTokenTimeoutMs(), 1, 3_600_000);
        range(p + "total_timeout_ms", b.totalTimeoutMs(), 1, 3_600_000);
        range(p + "retries", b.retries(), 0, 10);
        if ("openai".equals(b.type())) {
            require(b.url() != null && validHttpUrl(b.url()), p + "url", "an http:// or https:// URL");
            require(b.loraPath() == null || b.loraPath().isBlank(), p + "lora_path",
                    "only for llama-cpp backends; vLLM serves adapters by name (register them in the registry)");
        } else {
            require(b.modelPath() != null && !b.modelPath().isBlank(), p + "model_path", "path of a .gguf file");
            range(p + "context_size", b.contextSize(), 256, 131_072);
            range(p + "threads", b.threads(), 0, 256);
            range(p + "slots", b.slots(), 1, 16);
        }
    }

    private static boolean validHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void registry(GatewayConfig.Registry r) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.thresholds().size(); i++) {
            GatewayConfig.Threshold t = r.thresholds().get(i);
            String at = "registry.thresholds[" + i + "]";
            require(t.metric() != null && !t.metric().isBlank() && t.metric().length() <= 128, at + ".metric",
                    "must name an eval metric (1 to 128 characters)");
            require(seen.add(t.metric()), at + ".metric", "names a metric twice");
            require(t.min() != null || t.max() != null, at, "needs min, max or both");
            require(t.min() == null || Double.isFinite(t.min()), at + ".min", "must be a finite number");
            require(t.max() == null || Double.isFinite(t.max()), at + ".max", "must be a finite number");
            require(t.min() == null || t.max() == null || t.min() <= t.max(), at, "min must be <= max");
        }
    }

    private static void range(String name, long v, long min, long max) {
        require(v >= min && v <= max, name, "must be between " + min + " and " + max + ", got " + v);
    }

    private static void require(boolean ok, String name, String rule) {
        if (!ok) {
            throw ConfigException.of(name, rule);
        }
    }
}
