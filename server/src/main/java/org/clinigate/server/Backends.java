package org.clinigate.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.inference.llama.LlamaBackend;
import org.clinigate.inference.llama.LlamaConfig;
import org.clinigate.inference.openai.OpenAiBackend;
import org.clinigate.inference.openai.OpenAiConfig;
import org.clinigate.server.config.GatewayConfig;

/** Builds the configured backends. An API key is read from the environment variable the config names. */
final class Backends {

    private Backends() {
    }

    static List<ChatBackend> create(List<GatewayConfig.Backend> configs, Map<String, String> env) {
        List<ChatBackend> out = new ArrayList<>();
        for (GatewayConfig.Backend b : configs) {
            out.add(switch (b.type()) {
                case "openai" -> openAi(b, env);
                case "llama-cpp" -> llama(b);
                default -> throw new UnsupportedOperationException("backend type " + b.type());
            });
        }
        return out;
    }

    private static ChatBackend openAi(GatewayConfig.Backend b, Map<String, String> env) {
        Map<String, String> models = new LinkedHashMap<>();
        for (String m : b.models()) {
            models.put(m, m);
        }
        String key = b.apiKeyEnv() == null ? null : env.get(b.apiKeyEnv());
        OpenAiConfig c = OpenAiConfig.of(b.name(), URI.create(b.url()), key, models)
                .withTimeouts(new OpenAiConfig.Timeouts(Duration.ofMillis(b.connectTimeoutMs()),
                        Duration.ofMillis(b.firstTokenTimeoutMs()), Duration.ofMillis(b.totalTimeoutMs())));
        OpenAiConfig.Resilience r = OpenAiConfig.Resilience.defaults();
        c = c.withResilience(new OpenAiConfig.Resilience(b.retries(), r.backoff(), r.breakerWindow(),
                r.breakerMinimumCalls(), r.breakerFailureRate(), r.breakerOpenFor()));
        return new OpenAiBackend(c);
    }

    private static ChatBackend llama(GatewayConfig.Backend b) {
        LlamaConfig c = LlamaConfig.defaults(b.name(), Path.of(b.modelPath()), new LinkedHashSet<>(b.models()))
                .withSlots(b.contextSize(), b.slots());
        if (b.threads() > 0) {
            c = c.withThreads(b.threads());
        }
        if (b.loraPath() != null && !b.loraPath().isBlank()) {
            c = c.withLora(Path.of(b.loraPath()));
        }
        return new LlamaBackend(c);
    }
}
