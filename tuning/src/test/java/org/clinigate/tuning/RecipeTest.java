package org.clinigate.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated recipe is valid Python, its paths exist, and its dry run reads the dataset. Needs python3. */
class RecipeTest {

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void prepare() throws IOException {
        Path in = dir.resolve("in.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("{\"id\": \"").append(i).append("\", \"patientId\": \"p").append(i % 8)
                    .append("\", \"system\": \"Be brief.\", \"prompt\": \"Summarize: cough for ").append(i % 7 + 1)
                    .append(" days.\", \"response\": \"Cough.\"}\n");
        }
        Files.writeString(in, sb.toString());
        out = dir.resolve("dataset");
        new Finetune(FinetuneTest.DEID).prepare(new Finetune.Settings(out, 0.25, 3, List.of(),
                new Recipe("google/medgemma-27b-text-it", 8, 16, 0.1, 1e-4, 2, 4096, 1, 16, 9)), List.of(in),
                List.of(), d -> Optional.empty());
    }

    static Result python(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    record Result(int exit, String output) {
    }

    @Test
    void the_script_is_valid_python() throws Exception {
        Result r = python(out, "-m", "py_compile", "recipe/train_sft.py");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void the_dry_run_reads_the_dataset_and_prints_the_settings_without_any_package() throws Exception {
        Result r = python(out, "recipe/train_sft.py", "--dry-run");
        assertThat(r.exit()).as(r.output()).isZero();
        String counts = Files.readString(out.resolve("dataset-card.json"));
        int train = Finetune.JSON.readTree(counts).at("/counts/train").asInt();
        int eval = Finetune.JSON.readTree(counts).at("/counts/eval").asInt();
        assertThat(train + eval).isEqualTo(40);
        assertThat(r.output()).contains("\"train_examples\": " + train).contains("\"eval_examples\": " + eval)
                .contains("\"base_model\": \"google/medgemma-27b-text-it\"").contains("\"lora_r\": 8")
                .contains("\"target_modules\": \"all-linear\"").contains("\"max_seq_length\": 4096");
    }

    @Test
    void the_dry_run_refuses_a_damaged_dataset() throws Exception {
        Path copy = dir.resolve("damaged");
        Files.createDirectories(copy.resolve("recipe"));
        Files.copy(out.resolve("recipe/train_sft.py"), copy.resolve("recipe/train_sft.py"));
        Files.writeString(copy.resolve("train.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}\n");
        Result r = python(copy, "recipe/train_sft.py", "--dry-run");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("train.jsonl line 1");
    }

    @Test
    void every_file_the_script_and_readme_name_exists() throws IOException {
        String script = Files.readString(out.resolve("recipe/train_sft.py"));
        String readme = Files.readString(out.resolve("recipe/README.md"));
        Matcher dataset = Pattern.compile("DATASET_DIR / \"([^\"]+)\"").matcher(script);
        List<String> named = new ArrayList<>();
        while (dataset.find()) {
            named.add(dataset.group(1));
        }
        assertThat(named).contains("train.jsonl", "eval.jsonl");
        Matcher paths = Pattern.compile("`((?:recipe/)?[a-z_-]+\\.(?:jsonl|py|txt|md|json))`").matcher(readme);
        while (paths.find()) {
            String p = paths.group(1);
            named.add(p);
        }
        assertThat(named).contains("recipe/train_sft.py", "recipe/requirements.txt", "dataset-card.md");
        for (String p : named) {
            if (!p.equals("adapter")) {
                assertThat(out.resolve(p)).as(p).exists();
            }
        }
        assertThat(readme).contains("accelerate launch recipe/train_sft.py").contains("MedGemma 27B")
                .contains("QLoRA").contains("google/medgemma-27b-text-it");
        assertThat(Files.readString(out.resolve("recipe/requirements.txt"))).contains("trl").contains("peft");
    }

    @Test
    void settings_that_could_break_the_script_are_refused() {
        assertThatThrownBy(() -> new Recipe("evil\"; import os", 8, 16, 0.1, 1e-4, 2, 4096, 1, 16, 9))
                .satisfies(t -> assertThat(((ClinigateException) t).code()).isEqualTo(ErrorCode.CG_7112));
        assertThatThrownBy(() -> new Recipe("m", 0, 16, 0.1, 1e-4, 2, 4096, 1, 16, 9))
                .satisfies(t -> assertThat(((ClinigateException) t).code()).isEqualTo(ErrorCode.CG_7112));
    }
}
