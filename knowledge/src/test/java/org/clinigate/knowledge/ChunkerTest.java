package org.clinigate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static SourceDocument doc(String text, List<Section> sections) {
        return new SourceDocument("doc-1", SourceMetadata.titled("T"), text, sections);
    }

    @Test
    void every_chunk_is_the_exact_substring_at_its_offsets() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 40; p++) {
            int sentences = 1 + random.nextInt(8);
            for (int s = 0; s < sentences; s++) {
                int words = 3 + random.nextInt(30);
                for (int w = 0; w < words; w++) {
                    sb.append("word").append(random.nextInt(500)).append(' ');
                }
                sb.setLength(sb.length() - 1);
                sb.append(random.nextBoolean() ? ". " : ";  ");
            }
            sb.append(random.nextBoolean() ? "\n\n" : "\n  \n\n");
        }
        String text = sb.toString();
        SourceDocument d = doc(text, List.of(new Section(List.of("A"), 0, text.length() / 2), new Section(List.of(
                "A", "B"), text.length() / 2, text.length())));
        List<Chunk> chunks = new Chunker(200).chunk(d);
        assertThat(chunks).hasSizeGreaterThan(10);
        for (Chunk c : chunks) {
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.text().length()).isLessThanOrEqualTo(200);
            assertThat(c.text()).isEqualTo(c.text().strip());
            assertThat(c.headingPath()).isNotEmpty();
        }
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isGreaterThanOrEqualTo(chunks.get(i - 1).end());
        }
    }

    @Test
    void chunks_never_span_two_sections_and_carry_their_heading_path() {
        String text = "Intro text.\nMore intro.\nBody of the dosing section.";
        int split = text.indexOf("Body");
        List<Chunk> chunks = new Chunker().chunk(doc(text, List.of(new Section(List.of("Guide"), 0, split),
                new Section(List.of("Guide", "Dosing"), split, text.length()))));
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).text()).isEqualTo("Intro text.\nMore intro.");
        assertThat(chunks.get(1).headingPath()).containsExactly("Guide", "Dosing");
        assertThat(chunks.get(1).text()).isEqualTo("Body of the dosing section.");
    }

    @Test
    void a_word_longer_than_the_limit_is_cut_hard() {
        String text = "x".repeat(130);
        List<Chunk> chunks = new Chunker(50).chunk(SourceDocument.plain("d", SourceMetadata.titled("T"), text));
        assertThat(chunks).extracting(Chunk::text).containsExactly("x".repeat(50), "x".repeat(50), "x".repeat(30));
    }

    @Test
    void chunk_ids_are_stable_and_depend_on_source_offsets_and_text() {
        Chunk a = Chunk.of("s", List.of(), 0, 3, "abc");
        assertThat(Chunk.of("s", List.of("h"), 0, 3, "abc").id()).isEqualTo(a.id());
        assertThat(Chunk.of("t", List.of(), 0, 3, "abc").id()).isNotEqualTo(a.id());
        assertThat(Chunk.of("s", List.of(), 1, 4, "abc").id()).isNotEqualTo(a.id());
        assertThat(a.id()).hasSize(32).isEqualTo(Chunk.idOf("s", 0, 3, "abc"));
        assertThat(a.toString()).doesNotContain("abc");
    }

    @Test
    void offsets_that_do_not_fit_the_text_are_refused() {
        assertThatThrownBy(() -> new Chunk("i", "s", List.of(), 0, 5, "abc")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> doc("abc", List.of(new Section(List.of(), 0, 9)))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
