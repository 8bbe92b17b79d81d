package org.clinigate.inference.models;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * How model files are fetched. A wrong value fails with {@link ErrorCode#CG_1001} naming the setting. {@code
 * toString()} never shows the token.
 *
 * @param endpoint the Hugging Face root, {@code https://huggingface.co} unless {@code CLINIGATE_HF_ENDPOINT} or
 *     {@code --endpoint} says otherwise (a mirror, or a loopback server in tests)
 * @param modelsDir where GGUF files go; {@code models} under the working directory unless {@code
 *     CLINIGATE_MODELS_DIR} or {@code --dir}
 * @param token sent as {@code Authorization: Bearer} to the endpoint's own host only; from {@code HF_TOKEN}; null
 *     for none
 * @param connectTimeout the longest wait for a TCP connection
 * @param readTimeout the longest wait for response headers, and the longest silence while reading the body
 * @param attempts how many times a transfer is tried before giving up; each try resumes where the last stopped
 * @param backoff the pause after the first failed try, doubled after each further one
 */
public record PullSettings(URI endpoint, Path modelsDir, String token, Duration connectTimeout, Duration readTimeout,
        int attempts, Duration backoff) {

    /** Hugging Face itself. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    public PullSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null
                || endpoint.getRawQuery() != null || endpoint.getRawUserInfo() != null) {
            throw bad("CLINIGATE_HF_ENDPOINT (--endpoint)",
                    "an absolute http or https URL without user info or query");
        }
        Objects.requireNonNull(modelsDir, "modelsDir");
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw bad("HF_TOKEN", "printable ASCII without spaces");
        }
        positive(connectTimeout, "connect time-out");
        positive(readTimeout, "read time-out");
        if (attempts < 1 || attempts > 100) {
            throw bad("--retries", "in [0, 99]");
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(5)) > 0) {
            throw bad("backoff", "between 0 and 5 minutes");
        }
    }

    /**
     * Settings from the environment: {@code CLINIGATE_HF_ENDPOINT}, {@code CLINIGATE_MODELS_DIR}, and {@code HF_TOKEN}
     * (or the older {@code HUGGING_FACE_HUB_TOKEN}); 10 s to connect, 60 s of silence, 6 tries from 2 s apart.
     */
    public static PullSettings fromEnvironment(Map<String, String> env) {
        String endpoint = env.getOrDefault("CLINIGATE_HF_ENDPOINT", DEFAULT_ENDPOINT);
        String dir = env.getOrDefault("CLINIGATE_MODELS_DIR", "models");
        String token = env.get("HF_TOKEN") != null ? env.get("HF_TOKEN") : env.get("HUGGING_FACE_HUB_TOKEN");
        return new PullSettings(uri(endpoint), Path.of(dir), token, Duration.ofSeconds(10), Duration.ofSeconds(60), 6,
                Duration.ofSeconds(2));
    }

    static URI uri(String endpoint) {
        try {
            return URI.create(ModelSpec.stripSlash(endpoint.strip()));
        } catch (IllegalArgumentException e) {
            throw bad("CLINIGATE_HF_ENDPOINT (--endpoint)", "an absolute http or https URL");
        }
    }

    public PullSettings withEndpoint(String e) {
        return new PullSettings(uri(e), modelsDir, token, connectTimeout, readTimeout, attempts, backoff);
    }

    public PullSettings withModelsDir(Path d) {
        return new PullSettings(endpoint, d, token, connectTimeout, readTimeout, attempts, backoff);
    }

    public PullSettings withToken(String t) {
        return new PullSettings(endpoint, modelsDir, t, connectTimeout, readTimeout, attempts, backoff);
    }

    public PullSettings withTimeouts(Duration connect, Duration read) {
        return new PullSettings(endpoint, modelsDir, token, connect, read, attempts, backoff);
    }

    public PullSettings withRetries(int retries, Duration firstBackoff) {
        return new PullSettings(endpoint, modelsDir, token, connectTimeout, readTimeout, retries + 1, firstBackoff);
    }

    @Override
    public String toString() {
        return "PullSettings[endpoint=" + endpoint + ", modelsDir=" + modelsDir + ", token="
                + (token == null ? "none" : "****") + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", attempts=" + attempts + ", backoff=" + backoff + "]";
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw bad(name, "positive");
        }
    }

    private static ClinigateException bad(String setting, String allowed) {
        return new ClinigateException(ErrorCode.CG_1001, setting + " must be " + allowed);
    }
}
