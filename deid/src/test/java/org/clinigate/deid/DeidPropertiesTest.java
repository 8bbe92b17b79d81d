package org.clinigate.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Mode;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.synth.GoldCorpusGenerator;

class DeidPropertiesTest {

    private static final ClinicalDeidentifier DEID = ClinicalDeidentifierTest.DEID;

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> notes = Arbitraries.longs().between(1, 1_000_000)
                .map(seed -> new GoldCorpusGenerator(seed).generate(1).get(0).text());
        Arbitrary<String> noise = Arbitraries.strings().withChars("aAzZ09 .,:/-'()[]_#@\n\u00e9\u4e2d")
                .ofMaxLength(400);
        Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> mixed = Combinators.combine(notes, noise).as((n, z) -> z + n + z);
        return Arbitraries.oneOf(notes, noise, anyUnicode, mixed);
    }

    @Property(tries = 150)
    void spans_are_sorted_in_bounds_and_disjoint(@ForAll("texts") String text) {
        List<PhiSpan> spans = DEID.detect(text);
        int last = 0;
        for (PhiSpan s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(last);
            assertThat(s.end()).isLessThanOrEqualTo(text.length());
            last = s.end();
        }
    }

    @Property(tries = 150)
    void relinking_pseudonym_output_gives_back_the_input(@ForAll("texts") String text) {
        PhiMap scope = PhiMap.create("prop");
        Deidentified d = DEID.deidentify(text, DeidPolicy.of(Mode.PSEUDONYM), scope);
        assertThat(scope.relink(d.text())).isEqualTo(text);
    }

    @Property(tries = 100)
    void no_detected_value_survives_tag_pseudonym_or_redact(@ForAll("texts") String text) {
        List<PhiSpan> spans = DEID.detect(text);
        for (Mode mode : new Mode[]{Mode.TAG, Mode.PSEUDONYM, Mode.REDACT}) {
            String out = DEID.deidentify(text, DeidPolicy.of(mode), PhiMap.create("p")).text();
            for (PhiSpan s : spans) {
                String value = text.substring(s.start(), s.end());
                if (value.strip().length() >= 4 && onlyInsideSpans(text, value, spans)) {
                    assertThat(out).as("mode %s, span %s", mode, s).doesNotContain(value);
                }
            }
        }
    }

    /** True when every occurrence of the value in the text lies inside a detected span. */
    private static boolean onlyInsideSpans(String text, String value, List<PhiSpan> spans) {
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            int a = at;
            boolean covered = spans.stream().anyMatch(s -> s.start() <= a && s.end() >= a + value.length());
            if (!covered) {
                return false;
            }
        }
        return true;
    }
}
