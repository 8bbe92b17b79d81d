package org.clinigate.knowledge.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinigate.knowledge.Chunk;
import org.clinigate.knowledge.Chunker;
import org.clinigate.knowledge.SourceDocument;
import org.junit.jupiter.api.Test;

class StarterCorpusTest {

    static final List<SourceDocument> DOCS = StarterCorpus.documents();

    @Test
    void holds_about_fifteen_summaries_with_unique_starter_ids() {
        assertThat(DOCS).hasSizeBetween(15, 20);
        assertThat(DOCS).extracting(SourceDocument::id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
                .startsWith(StarterCorpus.ID_PREFIX));
    }

    @Test
    void every_summary_names_its_source_and_is_marked_as_demo_content() {
        for (SourceDocument d : DOCS) {
            assertThat(d.metadata().issuer()).as(d.id()).isNotBlank();
            assertThat(d.metadata().source()).as(d.id()).isNotBlank().isNotEqualTo(d.id() + ".md");
            assertThat(d.metadata().date()).as(d.id()).matches("\\d{4}");
            assertThat(d.metadata().specialty()).as(d.id()).isNotBlank();
            assertThat(d.metadata().licence()).as(d.id()).contains("not authoritative");
            assertThat(d.text()).as(d.id()).contains("Source: ").contains("Demo content, not authoritative");
        }
    }

    @Test
    void every_summary_has_sections_and_exact_chunks() {
        Chunker chunker = new Chunker();
        for (SourceDocument d : DOCS) {
            List<Chunk> chunks = chunker.chunk(d);
            assertThat(chunks).as(d.id()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(chunks).allSatisfy(c -> {
                assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
                assertThat(c.headingPath()).isNotEmpty();
            });
        }
    }
}
