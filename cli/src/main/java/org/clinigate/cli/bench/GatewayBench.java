package org.clinigate.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.synth.GoldCorpusGenerator;
import org.clinigate.synth.GoldDocument;

/**
 * {@code clinigate bench gateway}: what the gateway adds to a request, measured on this machine over
 * loopback. A fast fake backend answers at once; the same closed-loop load runs first straight at the
 * backend, then through the gateway, with ~2 KB clinical prompts full of identifiers. Added latency is
 * the difference of the two at each percentile; the backend's own time is printed too.
 */
public final class GatewayBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayBench() {
    }

    /** Settings of one benchmark run. */
    public record Options(int clients, int seconds, int warmupSeconds, int promptBytes, int streamClients,
            long backendDelayMillis, int externalSeconds, long backendJitterMillis) {
    }

    public static void run(Options o, PrintStream out) throws Exception {
        int clients = o.clients();
        int seconds = o.seconds();
        int warmupSeconds = o.warmupSeconds();
        int streamClients = o.streamClients();
        List<String> prompts = prompts(o.promptBytes(), 400);
        try (FastUpstream upstream = new FastUpstream(o.backendDelayMillis(), o.backendJitterMillis())) {
            Map<String, String> env = new HashMap<>();
            // Settings from the environment apply (CLINIGATE_VAULT_KIND=memory, CLINIGATE_RAILS_ENABLED=false ...),
            // so one stage's share can be measured by switching it off; the ones below are the bench's own.
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("CLINIGATE_") && !k.startsWith("CLINIGATE_JAVA")) {
                    env.put(k, v);
                }
            });
            env.put("CLINIGATE_SERVER_PORT", "0");
            env.put("CLINIGATE_AUTH_MODE", "none");
            env.put("CLINIGATE_DATA_DIR", java.nio.file.Files.createTempDirectory("clinigate-bench").toString());
            env.put("CLINIGATE_BACKENDS_0_NAME", "bench");
            env.put("CLINIGATE_BACKENDS_0_TYPE", "openai");
            env.put("CLINIGATE_BACKENDS_0_URL", upstream.baseUrl().toString());
            env.put("CLINIGATE_BACKENDS_0_MODELS", "bench-model");
            try (Application app = Application.start(new ConfigLoader().load(null, env), env)) {
                URI gateway = URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions");
                URI direct = URI.create(upstream.baseUrl() + "/chat/completions");
                LoadGenerator load = new LoadGenerator();
                List<String> plain = bodies(prompts, false);
                List<String> streamed = bodies(prompts, true);
                if (o.externalSeconds() > 0) {
                    java.nio.file.Path file = java.nio.file.Path.of("target", "bench-bodies.jsonl");
                    java.nio.file.Files.createDirectories(file.getParent());
                    java.nio.file.Files.write(file, plain);
                    out.printf("gateway %s%nbackend %s%nrequest bodies, one per line: %s%nserving for %d s%n", gateway,
                            direct, file.toAbsolutePath(), o.externalSeconds());
                    out.flush();
                    Thread.sleep(o.externalSeconds() * 1000L);
                    return;
                }
                out.printf(Locale.ROOT, "bench gateway: %d clients, %d s per run after %d s warm-up, prompts of %d "
                        + "bytes (synthetic notes with PHI), backend delay %d ± %d ms, %d cores%n", clients, seconds,
                        warmupSeconds, prompts.get(0).getBytes(StandardCharsets.UTF_8).length,
                        o.backendDelayMillis(), o.backendJitterMillis(), Runtime.getRuntime().availableProcessors());
                load.run("warm-up", gateway, plain, clients, Duration.ofSeconds(warmupSeconds), false);
                load.run("warm-up", direct, plain, clients, Duration.ofSeconds(Math.max(1, warmupSeconds / 2)),
                        false);
                LoadGenerator.Result d = load.run("direct to backend", direct, plain, clients,
                        Duration.ofSeconds(seconds), false);
                LoadGenerator.Result g = load.run("through gateway", gateway, plain, clients,
                        Duration.ofSeconds(seconds), false);
                out.println(d.line());
                out.println(g.line());
                out.printf(Locale.ROOT, "added latency (gateway - direct):  p50 %.2f ms  p99 %.2f ms%n",
                        (g.percentile(0.5) - d.percentile(0.5)) / 1000.0,
                        (g.percentile(0.99) - d.percentile(0.99)) / 1000.0);
                if (g.ownMicros().length > 0 && d.ownMicros().length > 0) {
                    // Per request: latency less the backend's time as reported with the answer (the gateway's
                    // Server-Timing upstream, which includes its HTTP exchange with the backend; the backend's own
                    // header on the direct path). Unlike the difference of percentiles above, it does not carry the
                    // sampling spread of a jittered backend delay.
                    out.printf(Locale.ROOT, "per request, latency less the backend's reported time: direct p50 %.2f "
                            + "p99 %.2f ms; through the gateway p50 %.2f p90 %.2f p99 %.2f ms (%d of %d answers)%n",
                            d.ownPercentile(0.5) / 1000.0, d.ownPercentile(0.99) / 1000.0, g.ownPercentile(0.5)
                                    / 1000.0,
                            g.ownPercentile(0.9) / 1000.0, g.ownPercentile(0.99) / 1000.0, g.ownMicros().length,
                            g.micros().length);
                }
                int sc = Math.max(1, streamClients);
                Duration ss = Duration.ofSeconds(Math.max(5, seconds / 4));
                load.run("warm-up", gateway, streamed, sc, Duration.ofSeconds(Math.max(2, warmupSeconds / 2)), true);
                LoadGenerator.Result ds = load.run("stream TTFB direct", direct, streamed, sc, ss, true);
                LoadGenerator.Result gs = load.run("stream TTFB gateway", gateway, streamed, sc, ss, true);
                out.println(ds.line());
                out.println(gs.line());
                out.printf(Locale.ROOT, "added time to first byte (%d streaming clients):  p50 %.2f ms  p99 %.2f ms%n",
                        sc, (gs.percentile(0.5) - ds.percentile(0.5)) / 1000.0,
                        (gs.percentile(0.99) - ds.percentile(0.99)) / 1000.0);
            }
        }
    }

    /** Synthetic notes joined and cut to about {@code bytes} each, at a space. */
    static List<String> prompts(int bytes, int count) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (GoldDocument d : new GoldCorpusGenerator(777L).stream().limit(count * 4L).toList()) {
            sb.append(d.text()).append('\n');
            if (sb.length() >= bytes) {
                int cut = sb.lastIndexOf(" ", bytes);
                out.add(sb.substring(0, cut > 0 ? cut : bytes));
                sb.setLength(0);
                if (out.size() == count) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<String> bodies(List<String> prompts, boolean stream) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String p : prompts) {
            ObjectNode b = JSON.createObjectNode().put("model", "bench-model").put("stream", stream);
            b.putArray("messages").addObject().put("role", "user").put("content", "Summarize: " + p);
            b.putObject("clinigate").put("conversation_id", "bench-" + (n++ % 50));
            out.add(b.toString());
        }
        return out;
    }
}
