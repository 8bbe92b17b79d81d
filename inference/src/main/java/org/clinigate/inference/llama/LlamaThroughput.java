package org.clinigate.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaOutput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;

/**
 * Measures in-process generation speed twice on one loaded model: through {@link LlamaBackend} (template, checks,
 * slot, worker thread, sink), and with the binding driven directly on the same prompt and parameters. Greedy
 * decoding makes both produce the same tokens. Rounds alternate between the two, after warm-up, and the median
 * and range of tokens per second are printed. A benchmark, not a test: it asserts nothing.
 *
 * <p>Usage: {@code LlamaThroughput <model.gguf> [rounds=9] [tokens=128] [threads=2]}. It ends with {@link
 * System#exit}, because llama.cpp keeps a non-daemon thread.
 */
public final class LlamaThroughput {

    private static final int WARM_UP = 2;

    private LlamaThroughput() {
    }

    /** Tokens per second of each round, for both paths. */
    public record Result(List<Double> backend, List<Double> direct, int tokens) {
        public double ratio() {
            return median(backend) / median(direct);
        }
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: LlamaThroughput <model.gguf> [rounds=9] [tokens=128] [threads=2]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int tokens = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        run(Path.of(args[0]), rounds, tokens, threads, System.out);
        System.exit(0);
    }

    /** Loads {@code gguf} in one slot of up to 4096 tokens and measures it. */
    public static Result run(Path gguf, int rounds, int tokens, int threads, PrintStream out) {
        long trained = GgufInfo.read(gguf).contextLength();
        int context = (int) Math.max(256, Math.min(4096, trained > 0 ? trained : 4096));
        LlamaConfig config = LlamaConfig.defaults("bench", gguf, Set.of("bench")).withSlots(context, 1)
                .withThreads(threads);
        LlamaBackend backend = new LlamaBackend(config);
        backend.load();
        out.printf(Locale.ROOT, "model %s, %d threads%n", gguf.getFileName(), threads);
        return run(backend, rounds, tokens, out);
    }

    /** Measures an already loaded backend, with its first model name. */
    public static Result run(LlamaBackend backend, int rounds, int tokens, PrintStream out) {
        String model = backend.models().iterator().next();
        ChatRequest request = ChatRequest.builder(model).system("You are a careful clinical assistant.")
                .user("Summarise the discharge note: stable vitals, pain controlled, follow up in two weeks.")
                .temperature(0.0).maxTokens(tokens).build();
        String prompt = GemmaTemplate.render(request.messages());
        List<Double> viaBackend = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        int generated = 0;
        for (int round = 0; round < WARM_UP + rounds; round++) {
            long t0 = System.nanoTime();
            int d = direct(backend.loadedModel(), prompt, tokens);
            double directTps = d / seconds(t0);
            long t1 = System.nanoTime();
            int b = viaBackend(backend, request);
            double backendTps = b / seconds(t1);
            if (round >= WARM_UP) {
                direct.add(directTps);
                viaBackend.add(backendTps);
                generated = b;
            }
            if (b != d) {
                out.println("note: round " + round + " generated " + b + " tokens via the backend, " + d + " directly");
            }
        }
        Result result = new Result(viaBackend, direct, generated);
        print(out, result);
        return result;
    }

    /** The binding alone: the same prompt and parameters that the backend would pass. */
    private static int direct(LoadedModel model, String prompt, int tokens) {
        InferenceParameters p = new InferenceParameters(prompt).setNPredict(tokens).setTemperature(0f)
                .setCachePrompt(false);
        int outputs = 0;
        for (LlamaOutput ignored : model.model().generate(p)) {
            outputs++;
        }
        return Math.max(0, outputs - 1);
    }

    private static int viaBackend(LlamaBackend backend, ChatRequest request) {
        AtomicInteger chunks = new AtomicInteger();
        ChatResponse r = backend.stream(request, delta -> chunks.incrementAndGet()).await();
        return r.usage().completionTokens();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "%d generated tokens per round, %d rounds after %d warm-up%n", r.tokens(),
                r.backend().size(), WARM_UP);
        out.printf(Locale.ROOT, "direct binding : median %.1f tok/s (min %.1f, max %.1f)%n", median(r.direct()),
                min(r.direct()), max(r.direct()));
        out.printf(Locale.ROOT, "LlamaBackend   : median %.1f tok/s (min %.1f, max %.1f)%n", median(r.backend()),
                min(r.backend()), max(r.backend()));
        out.printf(Locale.ROOT, "backend / direct = %.3f%n", r.ratio());
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
