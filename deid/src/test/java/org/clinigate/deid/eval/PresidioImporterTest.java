package org.clinigate.deid.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

class PresidioImporterTest {

    private final PresidioImporter importer = new PresidioImporter(Lexicons.get());

    @Test
    void keeps_safe_harbor_identifiers_and_drops_what_safe_harbor_allows() throws IOException {
        List<GoldRecord> records;
        try (InputStream in = getClass().getResourceAsStream("/presidio-sample.json")) {
            records = importer.read(in);
        }
        assertThat(records).hasSize(2);
        GoldRecord first = records.get(0);
        assertThat(first.id()).isEqualTo("presidio-0000");
        assertThat(first.spans()).extracting(s -> first.text().substring(s.start(), s.end()) + "=" + s.category())
                .containsExactly("Dana Quill=NAME", "12 Birch Road=LOCATION", "Lakeview=LOCATION", "93=AGE",
                        "3/4/2024=DATE");
        GoldRecord second = records.get(1);
        // An age under 90, a job title and a US state code are not Safe Harbor identifiers.
        assertThat(second.spans()).extracting(PhiSpan::category).containsExactly(PhiCategory.NAME,
                PhiCategory.ORGANIZATION);
    }

    @Test
    void rejects_files_that_are_not_in_presidio_shape_with_a_stable_code() {
        assertThatThrownBy(() -> importer.read(stream("{\"full_text\": 1}"))).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-1005");
        assertThatThrownBy(() -> importer.read(stream("[{\"full_text\": \"abc\", \"spans\": "
                + "[{\"entity_type\": \"PERSON\", \"start_position\": 1, \"end_position\": 9}]}]")))
                .isInstanceOf(ClinigateException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> importer.read(stream("[not json"))).isInstanceOf(ClinigateException.class);
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
