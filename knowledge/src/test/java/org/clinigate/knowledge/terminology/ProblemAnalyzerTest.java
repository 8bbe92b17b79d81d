package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a problem is read before it is matched: spelling corrected before the word lists apply. */
class ProblemAnalyzerTest {

    static ProblemAnalyzer analyzer;

    @BeforeAll
    static void build() {
        IcdCodeSet codes = IcdCodeSet.of("test", List.of(
                new IcdCode("D51.0", "Vitamin B12 deficiency anemia due to intrinsic factor deficiency", true),
                new IcdCode("D64.9", "Anemia, unspecified", true)));
        Lexicon lexicon = Lexicon.bundled();
        analyzer = new ProblemAnalyzer(lexicon, new DescriptionIndex(codes, lexicon));
    }

    @Test
    void a_misspelled_word_inside_a_listed_phrase_is_corrected_before_the_phrase_is_expanded() {
        // "anaemia" only becomes "anemia" before expansion if the "pernicious anemia" entry is to see it
        assertThat(analyzer.expandedText("pernicious anaemia")).contains("intrinsic factor deficiency");
    }

    @Test
    void a_word_of_a_listed_phrase_is_left_as_written() {
        // "fx" is a key, not a misspelling of a description word
        assertThat(analyzer.expandedText("fx")).isEqualTo("fracture");
    }
}
