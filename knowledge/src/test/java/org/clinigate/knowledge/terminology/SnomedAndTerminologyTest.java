package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnomedAndTerminologyTest {

    @TempDir
    Path dir;

    @Test
    void reads_active_terms_preferring_the_fully_specified_name_without_its_tag() {
        SnomedConcepts sct = Fixtures.snomed();

        assertThat(sct.term("900002")).hasValue("Fixture parent disorder");
        assertThat(sct.term("900006")).hasValue("Fixture synonym only");
        assertThat(sct.term("900007")).as("latest version inactive").isEmpty();
    }

    @Test
    void follows_active_is_a_links_transitively_and_ignores_other_types_and_retired_links() {
        SnomedConcepts sct = Fixtures.snomed();

        assertThat(sct.isA("900004", "900002")).isTrue();
        assertThat(sct.isA("900004", "900001")).isTrue();
        assertThat(sct.isA("900002", "900002")).isTrue();
        assertThat(sct.isA("900005", "900002")).as("inactive is-a").isFalse();
        assertThat(sct.isA("900004", "900005")).as("not an is-a type").isFalse();
        assertThat(sct.isA("900006", "900002")).as("retired in a later version").isFalse();
        assertThat(sct.parents("900003")).containsExactly("900002");
    }

    @Test
    void a_relationship_row_with_too_few_columns_is_a_format_error() throws IOException {
        Path rel = dir.resolve("sct2_Relationship_Snapshot_X.txt");
        Files.writeString(rel, "id\teffectiveTime\n1\t20200131\t1\n");

        assertThatThrownBy(() -> SnomedImporter.read(Fixtures.path(
                "sct2_Description_Snapshot-en_FIXTURE_20200131.txt"), rel)).hasMessageStartingWith("CG-5101")
                .hasMessageContaining("line 2");
    }

    @Test
    void loads_the_release_files_it_recognizes_in_a_directory() throws IOException {
        Path release = Files.createDirectories(dir.resolve("release/Snapshot/Terminology"));
        Files.copy(Fixtures.path("icd10cm_order_fixture.txt"), dir.resolve("release/icd10cm_order_2099.txt"));
        Files.copy(Fixtures.path("RXNCONSO-fixture.RRF"), dir.resolve("release/RXNCONSO.RRF"));
        Files.copy(Fixtures.path("sct2_Description_Snapshot-en_FIXTURE_20200131.txt"), release.resolve(
                "sct2_Description_Snapshot-en_X_20200131.txt"));
        Files.copy(Fixtures.path("sct2_Relationship_Snapshot_FIXTURE_20200131.txt"), release.resolve(
                "sct2_Relationship_Snapshot_X_20200131.txt"));
        Files.writeString(dir.resolve("release/notes.txt"), "not a release file");

        Terminology t = Terminology.load(dir.resolve("release"));

        assertThat(t.icd()).hasValueSatisfying(n -> assertThat(n.codeSet().size()).isEqualTo(62));
        assertThat(t.drugs()).isPresent();
        assertThat(t.snomed()).hasValueSatisfying(s -> assertThat(s.isA("900004", "900001")).isTrue());
        assertThat(t.toString()).contains("icd10cm_order_2099.txt");
    }

    @Test
    void with_an_embedder_the_icd_normalizer_gets_semantic_candidates_cached_in_the_given_folder() throws IOException {
        Files.createDirectories(dir.resolve("release"));
        Files.copy(Fixtures.path("icd10cm_order_fixture.txt"), dir.resolve("release/icd10cm_order_2099.txt"));
        Path cache = dir.resolve("cache");

        Terminology t = Terminology.load(new org.clinigate.knowledge.embed.HashingEmbedder(64), cache, dir.resolve(
                "release"));

        assertThat(t.icd()).hasValueSatisfying(n -> assertThat(n.normalize("type 2 diabetes", 5)).isNotEmpty());
        try (var files = Files.list(cache)) {
            assertThat(files.toList()).as("the description vectors were cached").isNotEmpty();
        }
    }

    @Test
    void an_empty_directory_loads_nothing_and_a_missing_path_is_an_input_error() {
        Terminology t = Terminology.load(dir);

        assertThat(t.icd()).isEmpty();
        assertThat(t.rxnorm()).isEmpty();
        assertThat(t.snomed()).isEmpty();
        assertThatThrownBy(() -> Terminology.load(dir.resolve("nope"))).hasMessageStartingWith("CG-1002");
    }
}
