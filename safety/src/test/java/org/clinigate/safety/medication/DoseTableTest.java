package org.clinigate.safety.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoseTableTest {

    @Test
    void bundled_table_covers_the_common_drugs_and_every_row_cites_its_label() {
        DoseTable t = DoseTable.defaults();
        assertThat(t.version()).isNotBlank();
        for (String d : new String[]{"acetaminophen", "ibuprofen", "naproxen", "aspirin", "amoxicillin", "metformin",
                "lisinopril", "warfarin", "methotrexate", "morphine", "oxycodone", "hydromorphone", "fentanyl",
                "digoxin", "levothyroxine", "colchicine", "prednisone", "ondansetron", "diphenhydramine"}) {
            assertThat(t.drug(d)).as(d).isPresent();
        }
        assertThat(t.drugs()).hasSizeGreaterThanOrEqualTo(30);
        for (Drug d : t.drugs()) {
            assertThat(d.citations()).as(d.name()).isNotEmpty();
            for (LabelCitation c : d.citations()) {
                assertThat(c.label()).as(d.name()).isNotBlank();
                assertThat(c.issuer()).as(d.name()).isNotBlank();
                assertThat(c.section()).as(d.name()).isNotBlank();
            }
        }
    }

    @Test
    void bundled_interaction_pairs_cite_their_labels() {
        Interactions i = Interactions.defaults();
        assertThat(i.pairs()).extracting(InteractionPair::id).contains("warfarin-nsaid", "methotrexate-trimethoprim",
                "pde5-nitrate", "maoi-ssri");
        i.pairs().forEach(p -> assertThat(p.citations()).as(p.id()).isNotEmpty());
    }

    @Test
    void converts_a_microgram_row_to_milligrams() {
        Limits l = DoseTable.defaults().drug("fentanyl").orElseThrow().adultLimits(Route.PARENTERAL).orElseThrow();
        assertThat(l.maxSingleMg()).isEqualTo(0.1);
    }

    @Test
    void a_row_without_citations_fails_naming_the_drug_and_field(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, """
                table: t
                version: 1
                drugs:
                  - name: acetaminophen
                    unit: mg
                    adult: {any: {max_single: 1000}}
                """);
        assertThatThrownBy(() -> DoseTable.load(f)).isInstanceOf(ClinigateException.class).hasMessageContaining(
                "CG-6002").hasMessageContaining("drug 'acetaminophen'").hasMessageContaining("citations'");
    }

    @Test
    void a_bad_unit_or_an_unknown_field_fails_naming_it(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.yaml");
        String cite = "    citations: [{label: L, issuer: I, section: S, checked: unverified}]\n";
        Files.writeString(f, "table: t\nversion: 1\ndrugs:\n  - name: x\n    unit: grains\n"
                + "    adult: {any: {max_single: 1}}\n" + cite);
        assertThatThrownBy(() -> DoseTable.load(f)).hasMessageContaining("drug 'x'").hasMessageContaining(
                "unit'");
        Files.writeString(f, "table: t\nversion: 1\ndrugs:\n  - name: x\n    unit: mg\n"
                + "    adult: {any: {max_singel: 1}}\n" + cite);
        assertThatThrownBy(() -> DoseTable.load(f)).hasMessageContaining("adult.any.max_singel").hasMessageContaining(
                "unknown field");
    }
}
