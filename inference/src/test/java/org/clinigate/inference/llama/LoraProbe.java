package org.clinigate.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import org.clinigate.inference.testing.TinyGemma;
import org.clinigate.inference.testing.TinyLora;

/**
 * Run in a child JVM only (native failures abort the process): loads the tiny model with the tiny LoRA adapter
 * (load-time {@code --lora} plus {@code --lora-init-without-apply}) and prints, per argument, one greedy generation
 * as {@code MODE=text}. Modes: {@code none} (no per-request field), or a scale such as {@code 0} or {@code 1} sent
 * as the request's {@code lora} field. With {@code -Dprobe.base=true} the adapter is not loaded at all.
 */
public final class LoraProbe {

    private LoraProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            // llama.cpp attaches a non-daemon thread: without exit the JVM would never end.
            System.out.flush();
            System.exit(0);
        }
    }

    private static void run(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path model = TinyGemma.writeTo(dir.resolve("tiny-gemma3.gguf"));
        Path lora = TinyLora.writeTo(dir.resolve("tiny-lora.gguf"));
        ModelParameters mp = new ModelParameters().setModel(model.toString()).setCtxSize(512).setParallel(1)
                .setThreads(2).setThreadsBatch(2).disableContextShift().disableLog();
        if (!Boolean.getBoolean("probe.base")) {
            mp.addLoraAdapter(lora.toString()).setLoraInitWithoutApply();
        }
        LlamaModel m = new LlamaModel(mp);
        System.out.println("LOADED");
        String prompt = "<start_of_turn>user\nthe patient dose<end_of_turn>\n<start_of_turn>model\n";
        for (int i = 1; i < args.length; i++) {
            InferenceParameters p = new InferenceParameters(prompt).setNPredict(12).setTemperature(0f).setSeed(1)
                    .setCachePrompt(false);
            if (!args[i].equals("none")) {
                raw(p).put("lora", "[{\"id\": 0, \"scale\": " + Float.parseFloat(args[i]) + "}]");
            }
            StringBuilder sb = new StringBuilder();
            for (var out : m.generate(p)) {
                sb.append(out.text);
            }
            System.out.println(args[i] + "=" + sb.toString().replace("\n", "\\n"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> raw(InferenceParameters p) throws ReflectiveOperationException {
        Field f = Class.forName("de.kherud.llama.JsonParameters").getDeclaredField("parameters");
        f.setAccessible(true);
        return (Map<String, String>) f.get(p);
    }
}
