package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.testing.GgufWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading rules: once per process, clear advice when nothing usable is configured. */
class ModelLoadingTest {

    @TempDir
    Path dir;

    @Test
    void a_backend_without_a_model_is_not_ready_and_says_which_setting_to_set() {
        LlamaBackend b = new LlamaBackend(LlamaConfig.defaults("medgemma", null, Set.of("medgemma-4b")));
        assertThat(b.readiness().ready()).isFalse();
        assertThat(b.readiness().detail()).contains("backends.medgemma.model-path").contains("model pull");
        assertThatThrownBy(() -> b.complete(ChatRequest.builder("medgemma-4b").user("hi").build()))
                .isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2107));
        assertThatThrownBy(b::load).isInstanceOf(ClinigateException.class);
    }

    @Test
    void a_missing_file_fails_the_load_with_advice_and_without_its_name() {
        LlamaBackend b = new LlamaBackend(LlamaConfig.defaults("medgemma", dir.resolve("patient-smith.gguf"),
                Set.of("medgemma-4b")));
        assertThatThrownBy(b::load).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2107))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("smith"));
        assertThat(b.readiness().ready()).isFalse();
        assertThat(b.readiness().detail()).contains("model-path");
    }

    @Test
    void a_model_without_a_gemma_chat_template_is_refused_before_native_loading() throws Exception {
        Path chatml = dir.resolve("other.gguf");
        new GgufWriter().put("general.architecture", "llama")
                .put("tokenizer.chat_template", "{% for m in messages %}<|im_start|>{{ m.role }}{% endfor %}")
                .write(chatml);
        int before = ModelRegistry.nativeLoads();
        LlamaBackend b = new LlamaBackend(LlamaConfig.defaults("other", chatml, Set.of("other")));
        assertThatThrownBy(b::load).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2107))
                .hasMessageContaining("openai backend");
        assertThat(ModelRegistry.nativeLoads()).isEqualTo(before);
    }

    @Test
    void backends_with_the_same_file_and_settings_share_one_native_load() {
        TinyModel.backend();
        int before = ModelRegistry.nativeLoads();
        LlamaBackend again = new LlamaBackend(TinyModel.config());
        again.load();
        assertThat(again.readiness().ready()).isTrue();
        assertThat(again.loadedModel()).isSameAs(TinyModel.backend().loadedModel());
        assertThat(ModelRegistry.nativeLoads()).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void the_same_file_with_other_settings_is_refused_instead_of_loaded_twice() {
        TinyModel.backend();
        LlamaBackend other = new LlamaBackend(TinyModel.config().withThreads(1));
        assertThatThrownBy(other::load).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_1001));
    }

    @Test
    void settings_outside_the_native_ranges_fail_fast_naming_the_setting() throws Exception {
        assertThatThrownBy(() -> TinyModel.config().withSlots(1024, 0)).hasMessageContaining("backends.tiny.slots");
        assertThatThrownBy(() -> TinyModel.config().withSlots(100, 1)).hasMessageContaining("context-size");
        assertThatThrownBy(() -> TinyModel.config().withThreads(0)).hasMessageContaining("backends.tiny.threads");
        assertThatThrownBy(() -> TinyModel.config().withDefaultMaxTokens(0))
                .hasMessageContaining("default-max-tokens");
        Path copy = Files.copy(TinyModel.config().modelPath(), dir.resolve("copy.gguf"));
        LlamaConfig wide = TinyModel.config().withSlots(org.clinigate.inference.testing.TinyGemma.CONTEXT * 2, 1);
        LlamaBackend tooWide = new LlamaBackend(new LlamaConfig(wide.name(), copy, wide.models(), wide.contextSize(),
                wide.slots(), wide.threads(), wide.gpuLayers(), wide.defaultMaxTokens(), wide.slotWait(),
                wide.generationTimeout(), wide.cachePrompt()));
        int before = ModelRegistry.nativeLoads();
        assertThatThrownBy(tooWide::load)
                .hasMessageContaining("trained context " + org.clinigate.inference.testing.TinyGemma.CONTEXT);
        assertThat(ModelRegistry.nativeLoads()).isEqualTo(before);
    }
}
