package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The evaluation pairs are well formed; their figures come from NormalizerEval on a full release. */
class EvalPairsTest {

    static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    @Test
    void there_are_at_least_300_pairs_in_three_disjoint_sets_of_well_formed_codes() {
        Set<String> phrases = new HashSet<>();
        int total = 0;
        for (String split : List.of("tune", "holdout", "holdout2")) {
            List<NormalizerEval.Pair> pairs = NormalizerEval.pairs("/knowledge/terminology/eval/icd10cm-" + split
                    + ".tsv");
            assertThat(pairs).as(split).hasSizeGreaterThan(250);
            for (NormalizerEval.Pair p : pairs) {
                assertThat(phrases.add(p.phrase().toLowerCase(Locale.ROOT))).as("%s repeats %s", split, p.phrase())
                        .isTrue();
                assertThat(p.codes()).allMatch(c -> CODE.matcher(c).matches(), p.phrase());
            }
            total += pairs.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(300);
    }

    @Test
    void evaluate_counts_a_pair_whose_codes_this_set_lacks_as_skipped() {
        IcdNormalizer normalizer = IcdNormalizer.create(Fixtures.icd());
        NormalizerEval.Result r = NormalizerEval.evaluate(normalizer, List.of(new NormalizerEval.Pair("HTN", List.of(
                "I10")), new NormalizerEval.Pair("CKD stage 3b", List.of("N18.32", "N18.3")), new NormalizerEval.Pair(
                        "gout", List.of("M10.9"))));

        assertThat(r.pairs()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.top1()).isEqualTo(2);
        assertThat(r.misses()).singleElement().asString().startsWith("SKIP gout");
    }
}
