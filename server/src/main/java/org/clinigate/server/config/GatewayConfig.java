package org.clinigate.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every setting of {@code clinigate serve}, loaded once at start-up from {@code clinigate.yaml} and
 * {@code CLINIGATE_<PATH>} environment variables by {@link ConfigLoader}, then validated. Immutable.
 */
public record GatewayConfig(Server server, Auth auth, Vault vault, List<Backend> backends,
        @JsonProperty("data_dir") String dataDir, Db db, Audit audit, Quotas quotas, Deid deid, Rails rails,
        Terminology terminology, Registry registry) {

    public GatewayConfig {
        backends = backends == null ? List.of() : List.copyOf(backends);
        registry = registry == null ? new Registry(List.of()) : registry;
    }

    /**
     * The model and adapter registry (ADR 0018): the eval thresholds an entry must meet before an admin can approve
     * it, each a metric name from the eval harness's {@code results.json} with a {@code min}, a {@code max} or both.
     */
    public record Registry(List<Threshold> thresholds) {

        public Registry {
            thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        }

        /** The thresholds in the registry's own form. */
        public org.clinigate.core.registry.Thresholds asThresholds() {
            java.util.Map<String, org.clinigate.core.registry.Thresholds.Bound> m = new java.util.TreeMap<>();
            for (Threshold t : thresholds) {
                m.put(t.metric(), new org.clinigate.core.registry.Thresholds.Bound(t.min(), t.max()));
            }
            return new org.clinigate.core.registry.Thresholds(m);
        }
    }

    /** One eval metric's bound, inclusive: {@code min}, {@code max} or both. */
    public record Threshold(String metric, Double min, Double max) {
    }

    /** The HTTP listener and its limits. */
    public record Server(String host, int port, @JsonProperty("max_body_bytes") long maxBodyBytes,
            @JsonProperty("max_json_depth") int maxJsonDepth,
            @JsonProperty("shutdown_grace_seconds") int shutdownGraceSeconds,
            @JsonProperty("request_timeout_seconds") int requestTimeoutSeconds) {
    }

    /**
     * How callers prove who they are. {@code mode}: {@code keys} (API keys from {@code clinigate keys create}),
     * {@code oidc} (JWT bearer tokens from the identity provider in {@code oidc}), {@code keys+oidc} (either), or
     * {@code none} (no authentication, for a single-user laptop).
     */
    public record Auth(String mode, Oidc oidc) {

        /** Whether API keys are accepted. */
        public boolean keys() {
            return "keys".equals(mode) || "keys+oidc".equals(mode);
        }

        /** Whether OIDC bearer tokens are accepted. */
        public boolean tokens() {
            return "oidc".equals(mode) || "keys+oidc".equals(mode);
        }
    }

    /**
     * OIDC bearer tokens: who issues them ({@code issuer}, exact match on {@code iss}), for whom ({@code audience},
     * one of {@code aud}), where the issuer's public keys are ({@code jwks_url}, or {@code jwks_file} for sites
     * without a route to the identity provider), which claims carry the tenant and the roles (a dotted path such as
     * {@code realm_access.roles} walks into nested objects), how IdP role names map to Clinigate roles, the clock
     * skew tolerated on {@code exp}, {@code nbf} and {@code iat}, and the signature algorithms accepted.
     */
    public record Oidc(String issuer, String audience, @JsonProperty("jwks_url") String jwksUrl,
            @JsonProperty("jwks_file") String jwksFile, @JsonProperty("tenant_claim") String tenantClaim,
            @JsonProperty("roles_claim") String rolesClaim, @JsonProperty("role_map") RoleMap roleMap,
            @JsonProperty("clock_skew_seconds") int clockSkewSeconds, List<String> algorithms, Console console) {

        public Oidc {
            algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
            console = console == null ? new Console(null, null, null, null, null, null) : console;
        }
    }

    /**
     * Single sign-on for the reviewer console: the authorization code flow with PKCE. The browser goes to {@code
     * authorization_endpoint} as client {@code client_id}; the gateway exchanges the code at {@code token_endpoint}
     * (with the client secret from the environment variable {@code client_secret_env}, for a confidential client)
     * and hands the console the {@code token} named ({@code access_token} or {@code id_token}), which is then
     * checked like any other bearer token. Off while {@code client_id} is empty.
     */
    public record Console(@JsonProperty("client_id") String clientId,
            @JsonProperty("authorization_endpoint") String authorizationEndpoint,
            @JsonProperty("token_endpoint") String tokenEndpoint, String scope,
            @JsonProperty("client_secret_env") String clientSecretEnv, String token) {

        /** True when the console offers single sign-on. */
        public boolean enabled() {
            return clientId != null && !clientId.isBlank();
        }
    }

    /** For each Clinigate role, the identity provider's role names that grant it. */
    public record RoleMap(List<String> clinician, List<String> reviewer, List<String> researcher,
            List<String> admin) {

        public RoleMap {
            clinician = clinician == null ? List.of() : List.copyOf(clinician);
            reviewer = reviewer == null ? List.of() : List.copyOf(reviewer);
            researcher = researcher == null ? List.of() : List.copyOf(researcher);
            admin = admin == null ? List.of() : List.copyOf(admin);
        }

        /** Clinigate role name to the IdP role names that grant it. */
        public java.util.Map<String, List<String>> byRole() {
            return java.util.Map.of("clinician", clinician, "reviewer", reviewer, "researcher", researcher, "admin",
                    admin);
        }
    }

    /** The database: an H2 file under {@code data_dir} when {@code url} is empty, else PostgreSQL. */
    public record Db(String url, String user, @JsonProperty("password_env") String passwordEnv) {
        @Override
        public String toString() {
            // A JDBC URL can carry a password; print only its kind.
            return "Db[url="
                    + (url == null || url.isEmpty() ? "embedded" : url.replaceAll("^(jdbc:[a-z0-9]+:).*", "$1…"))
                    + ", user=" + user + "]";
        }
    }

    /**
     * The audit log: whether it keeps de-identified text, how often it signs a checkpoint, and whether an embedded H2
     * database commits through the write-ahead audit journal (ADR 0008).
     */
    public record Audit(@JsonProperty("store_text") boolean storeText,
            @JsonProperty("checkpoint_every") int checkpointEvery, @JsonProperty("journal") boolean journal) {
    }

    /**
     * Requests and tokens per minute, 0 for no limit: {@code tenant} for each tenant, {@code key} for each API key or
     * token subject, and {@code overrides} for named tenants (replacing {@code tenant}). With PostgreSQL the buckets
     * live in the database and every gateway instance on it shares them.
     */
    public record Quotas(Limit tenant, Limit key, List<TenantQuota> overrides) {

        public Quotas {
            tenant = tenant == null ? new Limit(0, 0) : tenant;
            key = key == null ? new Limit(0, 0) : key;
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    /**
     * De-identification: {@code model}, a site's learned tagger from {@code clinigate deid-train} added to the rules
     * (empty: rules only).
     */
    public record Deid(String model) {
    }

    /**
     * Safety rails on every generation: {@code enabled}, and optional files replacing the bundled input and output
     * rule sets and the dose table (empty: the bundled ones).
     */
    public record Rails(boolean enabled, @JsonProperty("input_rules") String inputRules,
            @JsonProperty("output_rules") String outputRules, @JsonProperty("dose_table") String doseTable) {
    }

    /**
     * The site's terminology releases (CMS ICD-10-CM order or codes files, RxNorm RRF or prescribable TSV, SNOMED CT
     * RF2 for licensed users): files or folders; empty, the default, leaves note-summary problems uncoded. {@code
     * semantic} adds the ICD-10-CM normalizer's semantic candidates (ADR 0016): better with lay wording, at the cost
     * of embedding every description once (minutes, then cached under the data directory) and about 110 MB of memory.
     */
    public record Terminology(List<String> files, Boolean semantic) {

        public Terminology {
            files = files == null ? List.of() : List.copyOf(files);
            semantic = semantic != null && semantic;
        }

        public Terminology(List<String> files) {
            this(files, false);
        }
    }

    /** A pair of per-minute limits; 0 is none. */
    public record Limit(@JsonProperty("requests_per_minute") long requestsPerMinute,
            @JsonProperty("tokens_per_minute") long tokensPerMinute) {
    }

    /** The limits of one named tenant. */
    public record TenantQuota(String tenant, @JsonProperty("requests_per_minute") long requestsPerMinute,
            @JsonProperty("tokens_per_minute") long tokensPerMinute) {
    }

    /**
     * Where pseudonym mappings live. {@code database} (the default): encrypted with Tink AES-256-GCM in the store,
     * shared by every instance on the database and kept {@code retention_days} after last use; the keyset comes from
     * the variable named by {@code keyset_env}, else from {@code keyset_file} (created on first start; a relative
     * path lies under {@code data_dir}). {@code memory}: in this process only, lost on restart. {@code max_scopes}
     * bounds the memory vault, or the database vault's cache of decrypted scopes.
     */
    public record Vault(String kind, @JsonProperty("max_scopes") int maxScopes,
            @JsonProperty("keyset_env") String keysetEnv, @JsonProperty("keyset_file") String keysetFile,
            @JsonProperty("retention_days") int retentionDays) {
    }

    /**
     * One model backend. {@code openai}: an OpenAI-compatible server at {@code url}. {@code llama-cpp}: a
     * GGUF file at {@code model_path}, run in this process, optionally with one GGUF LoRA adapter at
     * {@code lora_path} that requests reach only as an approved registry adapter (ADR 0018).
     */
    public record Backend(String name, String type, List<String> models, String url,
            @JsonProperty("api_key_env") String apiKeyEnv,
            @JsonProperty("connect_timeout_ms") long connectTimeoutMs,
            @JsonProperty("first_token_timeout_ms") long firstTokenTimeoutMs,
            @JsonProperty("total_timeout_ms") long totalTimeoutMs, int retries,
            @JsonProperty("model_path") String modelPath, @JsonProperty("context_size") int contextSize,
            int threads, int slots, @JsonProperty("lora_path") String loraPath) {

        public Backend {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }
}
