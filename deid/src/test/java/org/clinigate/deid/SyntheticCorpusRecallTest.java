package org.clinigate.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinigate.deid.eval.GoldRecord;
import org.clinigate.deid.eval.Scorer;
import org.clinigate.synth.GoldCorpusGenerator;
import org.clinigate.synth.GoldDocument;
import org.junit.jupiter.api.Test;

/** A quality floor on a seed the detectors were not tuned on; the full figures come from deid-eval. */
class SyntheticCorpusRecallTest {

    @Test
    void span_recall_and_precision_on_an_unseen_synthetic_corpus_stay_above_the_floor() {
        Scorer scorer = new Scorer();
        for (GoldDocument d : new GoldCorpusGenerator(424_242L).generate(300)) {
            GoldRecord g = new GoldRecord(d.id(), d.text(), d.spans());
            scorer.add(g, ClinicalDeidentifierTest.DEID.detect(d.text()));
        }
        assertThat(scorer.total().recall()).isGreaterThanOrEqualTo(0.99);
        assertThat(scorer.total().precision()).isGreaterThanOrEqualTo(0.97);
    }
}
