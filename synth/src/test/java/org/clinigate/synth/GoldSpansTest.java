package org.clinigate.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;

/** Checks that gold spans cover exactly the identifiers and nothing else. */
class GoldSpansTest {

    private static final List<GoldDocument> CORPUS = new GoldCorpusGenerator(77L).generate(500);

    @Test
    void spans_are_in_bounds_sorted_and_non_overlapping() {
        for (GoldDocument doc : CORPUS) {
            int previousEnd = 0;
            for (PhiSpan span : doc.spans()) {
                assertThat(span.start()).as(doc.toString()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(span.end()).as(doc.toString()).isLessThanOrEqualTo(doc.text().length());
                previousEnd = span.end();
            }
        }
    }

    @Test
    void span_text_is_non_blank_and_has_no_surrounding_whitespace_or_punctuation() {
        for (GoldDocument doc : CORPUS) {
            for (PhiSpan span : doc.spans()) {
                String text = covered(doc, span);
                assertThat(text).as(doc + " " + span).isNotBlank().isEqualTo(text.strip());
                assertThat(text).as(doc + " " + span).doesNotEndWith(",").doesNotEndWith(":");
                assertThat(text.chars().filter(ch -> ch == '(').count()).as(doc + " " + span + " brackets balance")
                        .isEqualTo(text.chars().filter(ch -> ch == ')').count());
                if (span.category() != PhiCategory.LOCATION) {
                    // Addresses keep their own marks: "Oak St.", "Apt 4B", "#12". Labels stay outside other spans.
                    assertThat(text).as(doc + " " + span).doesNotEndWith(".").doesNotStartWith("#");
                }
            }
        }
    }

    @Test
    void names_exclude_titles_and_credentials() {
        for (String name : covered(PhiCategory.NAME)) {
            String lower = name.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotStartWith("dr.").doesNotStartWith("dr ").doesNotStartWith("mr")
                    .doesNotStartWith("ms.").doesNotEndWith(" md").doesNotEndWith(", rn").doesNotEndWith("'s");
        }
    }

    @Test
    void ages_are_bare_numbers_over_89() {
        List<String> ages = covered(PhiCategory.AGE);
        assertThat(ages).isNotEmpty().allSatisfy(age -> assertThat(Integer.parseInt(age)).isGreaterThan(89));
    }

    @Test
    void ages_of_89_or_under_appear_without_a_span() {
        Pattern young = Pattern.compile("\\b([1-8]?[0-9])(?: y/o|yo| yo|y\\.o\\.|-year-old| year old)",
                Pattern.CASE_INSENSITIVE);
        int seen = 0;
        for (GoldDocument doc : CORPUS) {
            Matcher m = young.matcher(doc.text());
            while (m.find()) {
                seen++;
                assertThat(inAnySpan(doc, m.start(1), m.end(1))).as(doc.toString()).isFalse();
            }
        }
        assertThat(seen).isGreaterThan(200);
    }

    @Test
    void dates_are_never_bare_years() {
        assertThat(covered(PhiCategory.DATE)).noneMatch(d -> d.matches("\\d{4}"));
        assertThat(covered(PhiCategory.DATE)).anyMatch(d -> d.matches("\\d{1,2}(st|nd|rd|th)"))
                .anyMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"))
                .anyMatch(d -> d.matches("(?i)[a-z]{3} \\d{4}"))
                .anyMatch(d -> d.matches("\\d{1,2}/\\d{1,2}"));
    }

    @Test
    void identifier_spans_have_their_category_shape() {
        assertThat(covered(PhiCategory.EMAIL)).allMatch(e -> e.matches("(?i)[a-z0-9._]+@[a-z0-9.]+\\.[a-z]+"));
        assertThat(covered(PhiCategory.URL)).allMatch(u -> u.matches("(?i)(https?://|www\\.)\\S+"));
        assertThat(covered(PhiCategory.SSN)).allMatch(s -> s.replaceAll("[- ]", "").matches("\\d{9}"));
        assertThat(covered(PhiCategory.PHONE)).allMatch(p -> p.replaceAll("\\D", "").length() >= 10);
        assertThat(covered(PhiCategory.FAX)).allMatch(p -> p.replaceAll("\\D", "").length() >= 10);
        assertThat(covered(PhiCategory.IP)).allMatch(ip -> ip.matches("(?i)(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f:]+"))
                .anyMatch(ip -> ip.contains(":"));
        assertThat(covered(PhiCategory.VEHICLE)).anyMatch(v -> v.matches("[A-HJ-NPR-Z0-9]{17}"));
    }

    @Test
    void states_are_not_phi_but_the_address_around_them_is() {
        Pattern cityStateZip = Pattern.compile(", ([A-Z]{2}) (\\d{5}(?:-\\d{4})?)");
        int seen = 0;
        for (GoldDocument doc : CORPUS) {
            Matcher m = cityStateZip.matcher(doc.text());
            while (m.find()) {
                seen++;
                assertThat(inAnySpan(doc, m.start(1), m.end(1))).as(doc.toString()).isFalse();
                assertThat(doc.spans()).as(doc.toString())
                        .contains(new PhiSpan(m.start(2), m.end(2), PhiCategory.LOCATION));
            }
        }
        assertThat(seen).isGreaterThan(50);
    }

    @Test
    void eponyms_drugs_and_vitals_appear_but_never_inside_a_span() {
        List<String> traps = List.of("Parkinson", "Hodgkin", "Foley", "Apgar", "Babinski", "Crohn", "Cushing",
                "Alzheimer", "Glasgow", "Holter", "Whipple", "Homans", "McBurney", "Swan-Ganz", "Metoprolol",
                "Lisinopril", "Eliquis", "BP 120/80", "5/325 mg", "ASSESSMENT AND PLAN");
        for (String trap : traps) {
            int seen = 0;
            Pattern p = Pattern.compile(Pattern.quote(trap), Pattern.CASE_INSENSITIVE);
            for (GoldDocument doc : CORPUS) {
                Matcher m = p.matcher(doc.text());
                while (m.find()) {
                    seen++;
                    assertThat(inAnySpan(doc, m.start(), m.end())).as(trap + " in " + doc).isFalse();
                }
            }
            assertThat(seen).as(trap).isPositive();
        }
    }

    @Test
    void common_word_names_are_used_as_names() {
        List<String> names = covered(PhiCategory.NAME);
        assertThat(names).anyMatch(n -> n.matches("(?i)will|may|faith|grant|hope"));
        assertThat(names).anyMatch(n -> n.matches("(?i)young|white|brown|king|bell"));
        assertThat(names).anyMatch(n -> n.contains("'") || n.contains("-"));
    }

    private static boolean inAnySpan(GoldDocument doc, int start, int end) {
        return doc.spans().stream().anyMatch(s -> s.start() < end && start < s.end());
    }

    private static String covered(GoldDocument doc, PhiSpan span) {
        return doc.text().substring(span.start(), span.end());
    }

    private static List<String> covered(PhiCategory category) {
        List<String> out = new ArrayList<>();
        for (GoldDocument doc : CORPUS) {
            for (PhiSpan span : doc.spans()) {
                if (span.category() == category) {
                    out.add(covered(doc, span));
                }
            }
        }
        return out;
    }
}
