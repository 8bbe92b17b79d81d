package org.clinigate.inference.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void the_built_in_catalogue_knows_medgemma_4b_and_the_27b_text_model_with_their_terms() {
        ModelCatalog c = ModelCatalog.builtIn();

        assertThat(c.models()).extracting(ModelSpec::id).containsExactly("medgemma-4b-it", "medgemma-27b-text-it");
        ModelSpec small = c.require("medgemma-4b-it");
        assertThat(small.repo()).isEqualTo("unsloth/medgemma-4b-it-GGUF");
        assertThat(small.file()).isEqualTo("medgemma-4b-it-Q4_K_M.gguf");
        assertThat(c.models()).allSatisfy(m -> {
            assertThat(m.gated()).isTrue();
            assertThat(m.licence()).contains("Health AI Developer Foundations");
        });
    }

    @Test
    void an_unknown_id_fails_naming_the_known_ones() {
        assertThatThrownBy(() -> ModelCatalog.builtIn().require("gpt-9")).hasMessageStartingWith("CG-1001")
                .hasMessageContaining("medgemma-4b-it, medgemma-27b-text-it").hasMessageContaining("--repo");
    }

    @Test
    void a_spec_refuses_paths_that_leave_the_models_directory_and_malformed_digests() {
        assertThatThrownBy(() -> ModelSpec.custom("a/b", "../evil.gguf")).hasMessageContaining("--file");
        assertThatThrownBy(() -> ModelSpec.custom("a/b", "sub/x.gguf")).hasMessageContaining("--file");
        assertThatThrownBy(() -> ModelSpec.custom("a/b", "x.bin")).hasMessageContaining("--file");
        assertThatThrownBy(() -> ModelSpec.custom("a/../b", "x.gguf")).hasMessageContaining("--repo");
        assertThatThrownBy(() -> ModelSpec.custom("a/b", "x.gguf").withRevision("refs/pr/1"))
                .hasMessageContaining("--revision");
        assertThatThrownBy(() -> ModelSpec.custom("a/b", "x.gguf").withSha256("abc")).hasMessageContaining("--sha256");
        assertThat(ModelSpec.custom("a/b", "x.gguf").withSha256("AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void settings_come_from_the_environment_with_defaults_and_name_a_wrong_one() {
        PullSettings d = PullSettings.fromEnvironment(Map.of());
        assertThat(d.endpoint()).isEqualTo(URI.create("https://huggingface.co"));
        assertThat(d.modelsDir()).isEqualTo(Path.of("models"));
        assertThat(d.token()).isNull();

        PullSettings e = PullSettings.fromEnvironment(Map.of("CLINIGATE_HF_ENDPOINT", "http://127.0.0.1:9/",
                "CLINIGATE_MODELS_DIR", "/srv/models", "HF_TOKEN", "hf_x"));
        assertThat(e.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(e.modelsDir()).isEqualTo(Path.of("/srv/models"));
        assertThat(e.token()).isEqualTo("hf_x");
        assertThat(e.toString()).doesNotContain("hf_x");

        assertThatThrownBy(() -> PullSettings.fromEnvironment(Map.of("CLINIGATE_HF_ENDPOINT", "ftp://x")))
                .hasMessageContaining("CLINIGATE_HF_ENDPOINT");
        assertThatThrownBy(() -> PullSettings.fromEnvironment(Map.of("CLINIGATE_HF_ENDPOINT", "https://u:p@x")))
                .hasMessageContaining("user info");
    }

    @Test
    void only_an_lfs_sha256_etag_counts_and_origins_compare_scheme_host_and_port() {
        assertThat(HubClient.sha256FromEtag("\"" + "AB".repeat(32) + "\"")).isEqualTo("ab".repeat(32));
        assertThat(HubClient.sha256FromEtag("W/\"" + "ab".repeat(32) + "\"")).isEqualTo("ab".repeat(32));
        assertThat(HubClient.sha256FromEtag("\"" + "a".repeat(40) + "\"")).isNull();

        URI hub = URI.create("https://huggingface.co");
        assertThat(HubClient.sameOrigin(URI.create("https://HuggingFace.co:443/a"), hub)).isTrue();
        assertThat(HubClient.sameOrigin(URI.create("https://cdn-lfs.huggingface.co/a"), hub)).isFalse();
        assertThat(HubClient.sameOrigin(URI.create("http://huggingface.co/a"), hub)).isFalse();
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co:8443/a"), hub)).isFalse();
    }
}
