package org.clinigate.inference.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Settings of one OpenAI-compatible backend (vLLM, Ollama, llama.cpp server, TGI). A wrong value fails with {@link
 * ErrorCode#CG_1001} naming the setting under {@code backends.<name>.}. {@code toString()} masks the API key.
 *
 * @param name the backend's name, 1 to 32 of {@code [a-z0-9-]}
 * @param baseUrl the API root that {@code /chat/completions} is appended to, for example {@code
 *     http://vllm:8000/v1}
 * @param apiKey sent as {@code Authorization: Bearer}; null for none
 * @param models client-facing model name to the backend's own model name, for example {@code medgemma-27b} to
 *     {@code google/medgemma-27b-text-it}
 * @param timeouts connect, first-token and total time-outs
 * @param resilience retries before the first token, and the circuit breaker
 * @param maxResponseBytes the largest non-streamed body, and the longest SSE line, that is read
 * @param streamUsage ask for token usage in streams ({@code stream_options.include_usage}); turn off for servers
 *     that reject the field
 */
public record OpenAiConfig(String name, URI baseUrl, String apiKey, Map<String, String> models, Timeouts timeouts,
        Resilience resilience, int maxResponseBytes, boolean streamUsage) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

    public OpenAiConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new ClinigateException(ErrorCode.CG_1001, "backends.<name> must be 1 to 32 of [a-z0-9-]");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null) {
            throw bad(name, "base-url", "an absolute http or https URL");
        }
        models = Map.copyOf(models);
        if (models.isEmpty()) {
            throw bad(name, "models", "a non-empty map of client name to backend model name");
        }
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(resilience, "resilience");
        if (maxResponseBytes < 1024 || maxResponseBytes > (256 << 20)) {
            throw bad(name, "max-response-bytes", "in [1024, 268435456]");
        }
    }

    /** Defaults: the timeouts and resilience defaults below, 16 MiB responses, usage in streams. */
    public static OpenAiConfig of(String name, URI baseUrl, String apiKey, Map<String, String> models) {
        return new OpenAiConfig(name, baseUrl, apiKey, models, Timeouts.defaults(), Resilience.defaults(), 16 << 20,
                true);
    }

    public OpenAiConfig withTimeouts(Timeouts t) {
        return new OpenAiConfig(name, baseUrl, apiKey, models, t, resilience, maxResponseBytes, streamUsage);
    }

    public OpenAiConfig withResilience(Resilience r) {
        return new OpenAiConfig(name, baseUrl, apiKey, models, timeouts, r, maxResponseBytes, streamUsage);
    }

    /** The URL of the chat completions endpoint. */
    URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    @Override
    public String toString() {
        return "OpenAiConfig[name=" + name + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", models=" + models.keySet() + ", " + timeouts + ", " + resilience + "]";
    }

    private static ClinigateException bad(String backend, String setting, String allowed) {
        return new ClinigateException(ErrorCode.CG_1001, "backends." + backend + "." + setting + " must be " + allowed);
    }

    /**
     * Time-outs. {@code firstToken} runs from sending the request to the first streamed token (and applies to each
     * attempt); {@code total} bounds a whole call, retries included. Non-streamed calls use {@code total} only,
     * because such servers send nothing before the answer is complete.
     */
    public record Timeouts(Duration connect, Duration firstToken, Duration total) {
        public Timeouts {
            positive("timeouts.connect", connect);
            positive("timeouts.first-token", firstToken);
            positive("timeouts.total", total);
            if (firstToken.compareTo(total) > 0) {
                throw new ClinigateException(ErrorCode.CG_1001, "timeouts.first-token must not exceed timeouts.total");
            }
        }

        /** 5 s to connect, 60 s to the first token, 10 min in all. */
        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10));
        }
    }

    /**
     * Retries and the circuit breaker. A call is retried at most {@code maxRetries} times, only before its first
     * token, after {@code backoff}, doubled each time. The breaker opens when at least {@code breakerFailureRate}
     * percent of the last {@code breakerWindow} calls failed (after {@code breakerMinimumCalls}), and stays open for
     * {@code breakerOpenFor}; then a few trial calls decide.
     */
    public record Resilience(int maxRetries, Duration backoff, int breakerWindow, int breakerMinimumCalls,
            float breakerFailureRate, Duration breakerOpenFor) {
        public Resilience {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new ClinigateException(ErrorCode.CG_1001, "resilience.max-retries must be in [0, 10]");
            }
            positive("resilience.backoff", backoff);
            if (breakerWindow < 1 || breakerMinimumCalls < 1 || breakerMinimumCalls > breakerWindow) {
                throw new ClinigateException(ErrorCode.CG_1001,
                        "resilience.breaker-window and breaker-minimum-calls must satisfy 1 <= minimum <= window");
            }
            if (!(breakerFailureRate > 0 && breakerFailureRate <= 100)) {
                throw new ClinigateException(ErrorCode.CG_1001, "resilience.breaker-failure-rate must be in (0, 100]");
            }
            positive("resilience.breaker-open-for", breakerOpenFor);
        }

        /** 2 retries from 200 ms; breaker over 20 calls, at least 10, 50 % failures, open for 30 s. */
        public static Resilience defaults() {
            return new Resilience(2, Duration.ofMillis(200), 20, 10, 50f, Duration.ofSeconds(30));
        }
    }

    private static void positive(String setting, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ClinigateException(ErrorCode.CG_1001, setting + " must be a positive duration");
        }
    }
}
