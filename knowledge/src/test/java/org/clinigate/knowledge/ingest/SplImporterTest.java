package org.clinigate.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinigate.knowledge.Chunk;
import org.clinigate.knowledge.Chunker;
import org.clinigate.knowledge.Section;
import org.clinigate.knowledge.SourceDocument;
import org.junit.jupiter.api.Test;

class SplImporterTest {

    /** A made-up label in the shape of a DailyMed SPL document. */
    static final String SPL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <document xmlns="urn:hl7-org:v3">
              <setId root="0a1b2c3d-1111-2222-3333-444455556666"/>
              <versionNumber value="7"/>
              <effectiveTime value="20240115"/>
              <title>EXAMPLEMAB tablets, for oral use<br/>Initial U.S. Approval: 2001</title>
              <author><assignedEntity><representedOrganization><name>Example Pharma Inc.</name>
              </representedOrganization></assignedEntity></author>
              <component><structuredBody>
                <component><section>
                  <code code="48780-1" displayName="SPL PRODUCT DATA ELEMENTS SECTION"/>
                  <text><paragraph>Examplemab 10 mg ingredient table</paragraph></text>
                </section></component>
                <component><section>
                  <code code="34066-1" displayName="BOXED WARNING SECTION"/>
                  <title>WARNING: RISK OF SERIOUS BLEEDING</title>
                  <text><paragraph>Examplemab can cause serious and fatal bleeding.</paragraph></text>
                </section></component>
                <component><section>
                  <code code="34067-9" displayName="INDICATIONS &amp; USAGE SECTION"/>
                  <text><paragraph>Examplemab is indicated to reduce the risk of stroke.</paragraph></text>
                </section></component>
                <component><section>
                  <code code="34068-7" displayName="DOSAGE &amp; ADMINISTRATION SECTION"/>
                  <title>2 DOSAGE AND ADMINISTRATION</title>
                  <component><section>
                    <title>2.1 Recommended Dosage</title>
                    <text><paragraph>The recommended dose is <content styleCode="bold">5 mg</content> twice
                      daily.</paragraph>
                      <list><item>Take with or without food.</item><item>Do not crush.</item></list>
                      <table><tbody><tr><td>CrCl</td><td>Dose</td></tr><tr><td>15-29</td><td>2.5 mg</td></tr></tbody></table>
                    </text>
                  </section></component>
                </section></component>
                <component><section>
                  <code code="34070-3" displayName="CONTRAINDICATIONS SECTION"/>
                  <title>4 CONTRAINDICATIONS</title>
                  <text><paragraph>Active pathological bleeding.</paragraph></text>
                </section></component>
              </structuredBody></component>
            </document>
            """;

    @Test
    void keeps_label_sections_with_their_titles_and_drops_product_data() {
        SourceDocument d = new Importers().read("label.xml", SPL.getBytes(StandardCharsets.UTF_8), "examplemab");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of(
                "WARNING: RISK OF SERIOUS BLEEDING"), List.of("INDICATIONS & USAGE"),
                List.of(
                        "2 DOSAGE AND ADMINISTRATION", "2.1 Recommended Dosage"),
                List.of("4 CONTRAINDICATIONS"));
        assertThat(d.text()).doesNotContain("ingredient table");
        String dosage = text(d, d.sections().get(2));
        assertThat(dosage).isEqualTo("The recommended dose is 5 mg twice daily.\n\nTake with or without food.\n\n"
                + "Do not crush.\n\nCrCl Dose\n\n15-29 2.5 mg");
        assertThat(text(d, d.sections().get(0))).isEqualTo("Examplemab can cause serious and fatal bleeding.");
    }

    @Test
    void reads_label_metadata() {
        SourceDocument d = new Importers().read("label.xml", SPL.getBytes(StandardCharsets.UTF_8), "examplemab");
        assertThat(d.metadata().title()).isEqualTo("EXAMPLEMAB tablets, for oral use Initial U.S. Approval: 2001");
        assertThat(d.metadata().issuer()).isEqualTo("Example Pharma Inc.");
        assertThat(d.metadata().date()).isEqualTo("2024-01-15");
        assertThat(d.metadata().version()).isEqualTo("7");
        assertThat(d.metadata().source()).isEqualTo("DailyMed SPL");
        assertThat(d.metadata().url()).endsWith("setid=0a1b2c3d-1111-2222-3333-444455556666");
    }

    @Test
    void chunks_of_a_label_are_exact_and_headed_by_their_section() {
        SourceDocument d = new Importers().read("label.xml", SPL.getBytes(StandardCharsets.UTF_8), "examplemab");
        List<Chunk> chunks = new Chunker().chunk(d);
        assertThat(chunks).hasSize(4);
        for (Chunk c : chunks) {
            assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
        }
        assertThat(chunks.get(0).headingPath()).containsExactly("WARNING: RISK OF SERIOUS BLEEDING");
    }

    private static String text(SourceDocument d, Section s) {
        return d.text().substring(s.start(), s.end()).strip();
    }
}
