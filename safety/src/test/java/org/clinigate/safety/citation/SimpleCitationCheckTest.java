package org.clinigate.safety.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinigate.core.rails.RailSource;
import org.junit.jupiter.api.Test;

class SimpleCitationCheckTest {

    private final CitationCheck check = new SimpleCitationCheck();
    private final List<RailSource> two = List.of(new RailSource("1", "Start antibiotics within one hour."),
            new RailSource("2", "Hartley et al. (2021), the PROTECT-HF trial, PMID 31234567, doi 10.1000/abc.123"));

    private List<CitationFinding.Kind> kinds(String answer, List<RailSource> sources) {
        return check.check(answer, sources).stream().map(CitationFinding::kind).toList();
    }

    @Test
    void every_marker_must_name_a_provided_source() {
        assertThat(kinds("Antibiotics early [1], per [2].", two)).isEmpty();
        assertThat(kinds("Antibiotics early [1, 2] and [1-2].", two)).isEmpty();
        assertThat(kinds("Antibiotics early [3].", two)).containsExactly(CitationFinding.Kind.UNKNOWN_SOURCE);
        assertThat(kinds("Antibiotics early [1-4].", two)).hasSize(2);
        assertThat(kinds("Antibiotics early [1].", List.of())).containsExactly(CitationFinding.Kind.UNKNOWN_SOURCE);
    }

    @Test
    void a_numeric_source_id_may_be_cited_by_its_id() {
        List<RailSource> s = List.of(new RailSource("7", "x"));
        assertThat(kinds("See [7] and [1].", s)).isEmpty();
    }

    @Test
    void pseudonyms_are_not_markers() {
        assertThat(kinds("[NAME_1] was seen on [DATE_2].", two)).isEmpty();
    }

    @Test
    void references_in_a_source_pass_and_others_are_possibly_fabricated() {
        assertThat(kinds("Hartley et al. showed it (PMID: 31234567), as did the PROTECT-HF trial.", two)).isEmpty();
        assertThat(kinds("doi:10.1000/abc.123 says so.", two)).isEmpty();
        List<CitationFinding> f = check.check("Moreau et al. (PMID 9876543; doi:10.1056/NEJMoa2000001), the "
                + "NOVA-PAIN trial, NCT01234567, (Okafor, 2019), Lancet 2020; 395.", two);
        assertThat(f).extracting(CitationFinding::kind).containsOnly(CitationFinding.Kind.POSSIBLY_FABRICATED);
        assertThat(f).hasSize(7);
        assertThat(f).allSatisfy(x -> assertThat(x.detail()).doesNotContain("Moreau", "9876543"));
    }

    @Test
    void an_all_capitals_word_in_brackets_is_not_an_author() {
        assertThat(kinds("Guidance from (NICE 2024) applies.", two)).isEmpty();
    }
}
