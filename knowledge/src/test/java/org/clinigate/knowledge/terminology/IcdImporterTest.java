package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcdImporterTest {

    @TempDir
    Path dir;

    @Test
    void reads_the_fixed_width_order_file_with_billable_flags_and_long_descriptions() {
        IcdCodeSet set = IcdImporter.read(Fixtures.path("icd10cm_order_fixture.txt"));

        assertThat(set.size()).isEqualTo(62);
        assertThat(set.get("E119")).hasValueSatisfying(c -> {
            assertThat(c.code()).isEqualTo("E11.9");
            assertThat(c.billable()).isTrue();
            assertThat(c.description()).isEqualTo("Type 2 diabetes mellitus without complications");
        });
        assertThat(set.get("E11").orElseThrow().billable()).isFalse();
        assertThat(set.get("n18.32")).map(IcdCode::description).hasValue("Chronic kidney disease, stage 3b");
        assertThat(set.billableCount()).isEqualTo(56);
    }

    @Test
    void reads_the_codes_file_as_billable_codes() {
        IcdCodeSet set = IcdImporter.read(Fixtures.path("icd10cm_codes_fixture.txt"));

        assertThat(set.size()).isEqualTo(43);
        assertThat(set.codes()).allMatch(IcdCode::billable);
        assertThat(set.get("I10").orElseThrow().description()).isEqualTo("Essential (primary) hypertension");
    }

    @Test
    void reads_the_json_form_plain_and_gzipped() throws IOException {
        Path json = Fixtures.path("icd10cm-fixture.json");
        Path gz = dir.resolve("icd10-fixture.json.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(json));
        }

        for (Path p : new Path[]{json, gz}) {
            IcdCodeSet set = IcdImporter.read(p);
            assertThat(set.size()).isEqualTo(6);
            assertThat(set.get("I15").orElseThrow().billable()).isFalse();
            assertThat(set.get("I27.20").orElseThrow().billable()).isTrue();
        }
    }

    @Test
    void merging_keeps_the_first_sets_flags() {
        IcdCodeSet order = IcdImporter.read(Fixtures.path("icd10cm_order_fixture.txt"));
        IcdCodeSet extra = IcdCodeSet.of("extra", java.util.List.of(new IcdCode("E11", "changed", true), new IcdCode(
                "Z99.2", "Dependence on renal dialysis", true)));

        IcdCodeSet merged = order.merge(extra);

        assertThat(merged.size()).isEqualTo(63);
        assertThat(merged.get("E11").orElseThrow().billable()).isFalse();
    }

    @Test
    void a_malformed_order_line_is_reported_with_its_line_number_and_no_text() throws IOException {
        Path file = dir.resolve("icd10cm_order_2099.txt");
        Files.writeString(file, "00001 I10     1 Essential (primary) hypertension   Essential (primary) hypertension\n"
                + "secret patient words that are not a code line\n");

        assertThatThrownBy(() -> IcdImporter.read(file)).isInstanceOf(ClinigateException.class).satisfies(e -> {
            assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_5101);
            assertThat(e.getMessage()).contains("line 2").doesNotContain("secret");
        });
    }

    @Test
    void a_malformed_code_and_an_empty_file_are_format_errors() throws IOException {
        Path bad = dir.resolve("icd10cm_codes_2099.txt");
        Files.writeString(bad, "I10 Essential (primary) hypertension\n1234567 not a code\n");
        Path empty = dir.resolve("icd10cm_codes_2098.txt");
        Files.writeString(empty, "\n\n");

        assertThatThrownBy(() -> IcdImporter.read(bad)).hasMessageStartingWith("CG-5101").hasMessageContaining(
                "line 2");
        assertThatThrownBy(() -> IcdImporter.read(empty)).hasMessageStartingWith("CG-5101").hasMessageContaining(
                "no codes");
    }

    @Test
    void bad_json_bytes_that_are_not_utf8_and_a_missing_file_get_their_codes() throws IOException {
        Path json = dir.resolve("icd.json");
        Files.writeString(json, "{\"I10\": [true, \"Essential (primary) hypertension\"], \"E11\": [\"yes\"]}");
        Path latin1 = dir.resolve("icd10cm_codes_2097.txt");
        Files.write(latin1, "I10     Hypertension \u00e9ssentielle\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> IcdImporter.read(json)).hasMessageStartingWith("CG-5101");
        assertThatThrownBy(() -> IcdImporter.read(latin1)).hasMessageStartingWith("CG-1003");
        assertThatThrownBy(() -> IcdImporter.read(dir.resolve("icd10cm_order_1999.txt"))).hasMessageStartingWith(
                "CG-1002");
    }

    @Test
    void codes_are_canonical_with_a_dot_after_the_category() {
        assertThat(IcdCode.canonical("e119")).isEqualTo("E11.9");
        assertThat(IcdCode.canonical("I10")).isEqualTo("I10");
        assertThat(IcdCode.canonical("S72.001A")).isEqualTo("S72.001A");
        assertThatThrownBy(() -> new IcdCode("E119", "x", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
