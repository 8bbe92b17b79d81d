package org.clinigate.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every setting of {@code clinigate serve}, loaded once at start-up from {@code clinigate.yaml} and
 * {@code CLINIGATE_<PATH>} environment variables by {@link ConfigLoader}, then validated. Immutable.
 */
public record GatewayConfig(Server server, Auth auth, Vault vault, List<Backend> backends,
        @JsonProperty("data_dir") String dataDir, Db db, Audit audit) {

    public GatewayConfig {
        backends = backends == null ? List.of() : List.copyOf(backends);
    }

    /** The HTTP listener and its limits. */
    public record Server(String host, int port, @JsonProperty("max_body_bytes") long maxBodyBytes,
            @JsonProperty("max_json_depth") int maxJsonDepth,
            @JsonProperty("shutdown_grace_seconds") int shutdownGraceSeconds,
            @JsonProperty("request_timeout_seconds") int requestTimeoutSeconds) {
    }

    /** How callers prove who they are: {@code keys} (API keys from {@code clinigate keys create}) or {@code none}. */
    public record Auth(String mode) {
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

    /** The audit log: whether it keeps de-identified text, and how often it signs a checkpoint. */
    public record Audit(@JsonProperty("store_text") boolean storeText,
            @JsonProperty("checkpoint_every") int checkpointEvery) {
    }

    /** Where pseudonym mappings live. The store module adds a database-backed kind. */
    public record Vault(String kind, @JsonProperty("max_scopes") int maxScopes) {
    }

    /**
     * One model backend. {@code openai}: an OpenAI-compatible server at {@code url}. {@code llama-cpp}: a
     * GGUF file at {@code model_path}, run in this process.
     */
    public record Backend(String name, String type, List<String> models, String url,
            @JsonProperty("api_key_env") String apiKeyEnv,
            @JsonProperty("connect_timeout_ms") long connectTimeoutMs,
            @JsonProperty("first_token_timeout_ms") long firstTokenTimeoutMs,
            @JsonProperty("total_timeout_ms") long totalTimeoutMs, int retries,
            @JsonProperty("model_path") String modelPath, @JsonProperty("context_size") int contextSize,
            int threads, int slots) {

        public Backend {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }
}
