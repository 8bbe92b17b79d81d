package org.clinigate.tuning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The training recipe written next to a dataset: {@code recipe/train_sft.py} (TRL SFTTrainer with a PEFT LoRA
 * config), {@code recipe/requirements.txt} and {@code recipe/README.md} with the command and the hardware. The
 * files are the project's own templates with these settings filled in; every value is checked here, so the script
 * stays valid Python whatever the command line said.
 *
 * @param baseModel a Hugging Face model id or a local path, of {@code [A-Za-z0-9._/-]}
 * @param loraR LoRA rank, 1 to 512
 * @param loraAlpha LoRA alpha, 1 to 1024
 * @param loraDropout in [0, 0.5]
 * @param learningRate in (0, 0.01]
 * @param epochs 1 to 100
 * @param maxSeqLength 128 to 131072 tokens
 * @param batchSize per device, 1 to 256
 * @param gradientAccumulation steps, 1 to 1024
 * @param seed training seed
 */
public record Recipe(String baseModel, int loraR, int loraAlpha, double loraDropout, double learningRate, int epochs,
        int maxSeqLength, int batchSize, int gradientAccumulation, long seed) {

    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._/-]{1,200}");
    private static final Pattern SLOT = Pattern.compile("\\$\\{([a-z_]+)}");

    public Recipe {
        if (baseModel == null || !MODEL.matcher(baseModel).matches()) {
            throw bad("--base-model must be a Hugging Face id or path of [A-Za-z0-9._/-]");
        }
        check(loraR >= 1 && loraR <= 512, "--lora-r must be in [1, 512]");
        check(loraAlpha >= 1 && loraAlpha <= 1024, "--lora-alpha must be in [1, 1024]");
        check(loraDropout >= 0 && loraDropout <= 0.5, "--lora-dropout must be in [0, 0.5]");
        check(learningRate > 0 && learningRate <= 0.01, "--learning-rate must be in (0, 0.01]");
        check(epochs >= 1 && epochs <= 100, "--epochs must be in [1, 100]");
        check(maxSeqLength >= 128 && maxSeqLength <= 131072, "--max-seq-length must be in [128, 131072]");
        check(batchSize >= 1 && batchSize <= 256, "--batch-size must be in [1, 256]");
        check(gradientAccumulation >= 1 && gradientAccumulation <= 1024,
                "--gradient-accumulation must be in [1, 1024]");
    }

    /** MedGemma 4B instruction-tuned, r 16, alpha 32, dropout 0.05, 2e-4, 3 epochs, 2048 tokens, 2 x 8. */
    public static Recipe defaults() {
        return new Recipe("google/medgemma-4b-it", 16, 32, 0.05, 2e-4, 3, 2048, 2, 8, 42);
    }

    /** The settings, as the dataset card records them. */
    Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base_model", baseModel);
        m.put("lora_r", loraR);
        m.put("lora_alpha", loraAlpha);
        m.put("lora_dropout", loraDropout);
        m.put("target_modules", "all-linear");
        m.put("learning_rate", learningRate);
        m.put("epochs", epochs);
        m.put("max_seq_length", maxSeqLength);
        m.put("batch_size", batchSize);
        m.put("gradient_accumulation", gradientAccumulation);
        m.put("seed", seed);
        return m;
    }

    /** Writes the three recipe files under {@code dir/recipe}. */
    void writeTo(Path dir, int train, int eval, String created) {
        Map<String, String> values = new LinkedHashMap<>();
        settings().forEach((k, v) -> values.put(k, String.valueOf(v)));
        values.put("train", Integer.toString(train));
        values.put("eval", Integer.toString(eval));
        values.put("created", created);
        Path recipe = dir.resolve("recipe");
        AtomicFiles.write(recipe.resolve("train_sft.py"), fill("train_sft.py.template", values));
        AtomicFiles.write(recipe.resolve("requirements.txt"), fill("requirements.txt.template", values));
        AtomicFiles.write(recipe.resolve("README.md"), fill("README.md.template", values));
    }

    static String fill(String template, Map<String, String> values) {
        String text = resource(template);
        Matcher m = SLOT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new ClinigateException(ErrorCode.CG_1999, "recipe template slot without value: " + m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Recipe.class.getResourceAsStream("recipe/" + name)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "bundled recipe template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw bad(message);
        }
    }

    private static ClinigateException bad(String message) {
        return new ClinigateException(ErrorCode.CG_7112, message);
    }
}
