package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.testing.TinyGemma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufInfoTest {

    @TempDir
    Path dir;

    @Test
    void reads_architecture_context_vocabulary_and_chat_template_of_the_test_model() {
        GgufInfo info = GgufInfo.read(TinyGemma.writeTo(TinyModel.FILE));
        assertThat(info.architecture()).isEqualTo("gemma3");
        assertThat(info.contextLength()).isEqualTo(TinyGemma.CONTEXT);
        assertThat(info.vocabularySize()).isEqualTo(TinyGemma.vocabulary().size());
        assertThat(info.chatTemplate()).isEqualTo(TinyGemma.CHAT_TEMPLATE).contains(GemmaTemplate.MARKER);
        assertThat(info.tensorCount()).isEqualTo(2 + 13 * TinyGemma.LAYERS);
    }

    @Test
    void rejects_files_that_are_not_gguf_or_are_cut_short_before_native_code_sees_them() throws IOException {
        byte[] good = Files.readAllBytes(TinyGemma.writeTo(TinyModel.FILE));
        Path text = Files.writeString(dir.resolve("notes.gguf"), "not a model at all");
        Path truncated = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(good, 4096));
        byte[] v9 = good.clone();
        v9[4] = 9;
        Path version = Files.write(dir.resolve("v9.gguf"), v9);
        for (Path bad : new Path[]{text, truncated, version}) {
            assertThatThrownBy(() -> GgufInfo.read(bad)).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2107))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.getFileName().toString()));
        }
    }
}
