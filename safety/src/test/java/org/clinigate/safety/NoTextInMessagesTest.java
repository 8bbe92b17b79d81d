package org.clinigate.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailSource;
import org.clinigate.core.rails.Verdict;
import org.clinigate.safety.eval.WorstCaseModel;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md rule 1: flag messages and toString() carry rule text, drug names and numbers, never the checked text. A
 * canary planted in every word position of dangerous answers must not appear in any message.
 */
class NoTextInMessagesTest {

    private static final String CANARY = "Qzxwvuttar";

    @Test
    void no_flag_message_or_verdict_string_quotes_the_checked_text() {
        SafetyRails rails = SafetyRails.defaults();
        List<String> texts = new ArrayList<>();
        for (WorstCaseModel.Output o : new WorstCaseModel(3).dangerous(120)) {
            texts.add(o.text().replace(" the ", " " + CANARY + " "));
        }
        texts.add("[" + CANARY.toUpperCase() + "_1] " + CANARY + " et al. (" + CANARY + ", 2020), the " + CANARY
                .toUpperCase() + " trial [9]. I want to kill myself, " + CANARY + ".");
        RailContext ctx = RailContext.of("ask").withPatientAge(5).withPseudonyms(Set.of("[NAME_1]")).withSources(
                List.of(new RailSource("1", "unrelated")));
        int flags = 0;
        for (String t : texts) {
            for (Verdict v : List.of(rails.checkOutput(t, ctx), rails.checkInput(t, ctx))) {
                assertThat(v.toString()).doesNotContainIgnoringCase(CANARY);
                for (var f : v.flags()) {
                    flags++;
                    assertThat(f.message()).doesNotContainIgnoringCase(CANARY);
                }
            }
        }
        assertThat(flags).isGreaterThan(100);
    }
}
