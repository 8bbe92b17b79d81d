package org.clinigate.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;

class GoldCorpusGeneratorTest {

    private static final List<GoldDocument> CORPUS = new GoldCorpusGenerator(20240314L).generate(500);

    @Test
    void same_seed_gives_identical_corpus() {
        assertThat(new GoldCorpusGenerator(99L).generate(200)).isEqualTo(new GoldCorpusGenerator(99L).generate(200));
    }

    @Test
    void repeated_calls_on_one_generator_start_from_the_seed() {
        GoldCorpusGenerator generator = new GoldCorpusGenerator(5L);
        assertThat(generator.generate(50)).isEqualTo(generator.generate(50));
    }

    @Test
    void different_seeds_give_different_corpora() {
        List<String> a = new GoldCorpusGenerator(1L).generate(50).stream().map(GoldDocument::text).toList();
        List<String> b = new GoldCorpusGenerator(2L).generate(50).stream().map(GoldDocument::text).toList();
        assertThat(a).doesNotContainAnyElementsOf(b);
    }

    @Test
    void generated_list_is_the_prefix_of_the_stream() {
        GoldCorpusGenerator generator = new GoldCorpusGenerator(11L);
        assertThat(generator.stream().limit(120).toList()).isEqualTo(generator.generate(120));
    }

    @Test
    void stream_keeps_going_past_any_fixed_size() {
        assertThat(new GoldCorpusGenerator(3L).stream().skip(2_000).findFirst()).isPresent();
    }

    @Test
    void zero_documents_is_an_empty_list_and_negative_count_is_rejected() {
        GoldCorpusGenerator generator = new GoldCorpusGenerator(1L);
        assertThat(generator.generate(0)).isEmpty();
        assertThatThrownBy(() -> generator.generate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_style_appears_in_every_run_of_five_documents() {
        for (int i = 0; i + 5 <= CORPUS.size(); i += 5) {
            Set<NoteStyle> styles = CORPUS.subList(i, i + 5).stream().map(GoldDocument::style)
                    .collect(Collectors.toSet());
            assertThat(styles).containsExactlyInAnyOrder(NoteStyle.values());
        }
    }

    @Test
    void every_category_appears_regularly_in_500_documents() {
        Map<PhiCategory, Integer> counts = new EnumMap<>(PhiCategory.class);
        for (GoldDocument doc : CORPUS) {
            for (PhiSpan span : doc.spans()) {
                counts.merge(span.category(), 1, Integer::sum);
            }
        }
        assertThat(counts).containsOnlyKeys(PhiCategory.values());
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(40));
    }

    @Test
    void styled_documents_stay_within_their_length_range() {
        for (GoldDocument doc : CORPUS) {
            if (doc.style() == NoteStyle.CHAT_QUESTION) {
                assertThat(doc.text().length()).as(doc.toString()).isBetween(40, 300);
            } else {
                assertThat(doc.text().length()).as(doc.toString()).isBetween(300, 2500);
            }
        }
    }

    @Test
    void some_nursing_notes_are_all_caps_and_some_chat_questions_all_lower_case() {
        long caps = CORPUS.stream().filter(d -> d.style() == NoteStyle.NURSING_NOTE)
                .filter(d -> d.text().equals(d.text().toUpperCase(Locale.ROOT))).count();
        long lower = CORPUS.stream().filter(d -> d.style() == NoteStyle.CHAT_QUESTION)
                .filter(d -> d.text().equals(d.text().toLowerCase(Locale.ROOT))).count();
        assertThat(caps).isBetween(5L, 35L);
        assertThat(lower).isBetween(15L, 60L);
    }

    @Test
    void patients_recur_in_two_to_four_consecutive_documents() {
        Map<String, List<GoldDocument>> byPatient = byPatient();
        assertThat(byPatient.values()).allSatisfy(docs -> assertThat(docs).hasSizeBetween(1, 4));
        double mean = (double) CORPUS.size() / byPatient.size();
        assertThat(mean).isBetween(2.6, 3.4);
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (GoldDocument doc : CORPUS) {
            if (!doc.patientId().equals(previous)) {
                assertThat(seen.add(doc.patientId())).as("patient documents are consecutive").isTrue();
            }
            previous = doc.patientId();
        }
    }

    @Test
    void documents_of_one_patient_share_the_patient_name() {
        for (List<GoldDocument> docs : byPatient().values()) {
            Set<String> shared = null;
            for (GoldDocument doc : docs) {
                Set<String> tokens = nameTokens(doc);
                if (shared == null) {
                    shared = tokens;
                } else {
                    shared.retainAll(tokens);
                }
            }
            assertThat(shared).as("name tokens common to " + docs.get(0).patientId()).isNotEmpty();
        }
    }

    @Test
    void single_documents_have_the_requested_style_and_follow_a_seeded_sequence() {
        GoldCorpusGenerator a = new GoldCorpusGenerator(8L);
        GoldCorpusGenerator b = new GoldCorpusGenerator(8L);
        for (NoteStyle style : NoteStyle.values()) {
            GoldDocument doc = a.generate(style);
            assertThat(doc.style()).isEqualTo(style);
            assertThat(b.generate(style)).isEqualTo(doc);
        }
        assertThat(a.generate(NoteStyle.NURSING_NOTE).text()).isNotEqualTo(a.generate(NoteStyle.NURSING_NOTE).text());
    }

    private static Map<String, List<GoldDocument>> byPatient() {
        return CORPUS.stream().collect(Collectors.groupingBy(GoldDocument::patientId, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** Lower-cased words inside NAME spans: "DOE^JANE" and "Jane Doe" give the same set. */
    static Set<String> nameTokens(GoldDocument doc) {
        Set<String> tokens = new HashSet<>();
        for (PhiSpan span : doc.spans()) {
            if (span.category() == PhiCategory.NAME) {
                String text = doc.text().substring(span.start(), span.end()).toLowerCase(Locale.ROOT);
                for (String token : text.split("[^\\p{L}']+")) {
                    if (token.length() > 1) {
                        tokens.add(token);
                    }
                }
            }
        }
        return tokens;
    }
}
