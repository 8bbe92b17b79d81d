package org.clinigate.knowledge.terminology.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinigate.knowledge.terminology.Fixtures;
import org.clinigate.knowledge.terminology.Terminology;
import org.junit.jupiter.api.Test;

class NoteListsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void lists_from_a_note_become_codes_and_feed_the_rules() {
        Terminology terminology = Terminology.of(Fixtures.icd(), Fixtures.rxnorm(), null);
        MissingLabRules rules = MissingLabRules.bundled();

        NoteLists.Result r = NoteLists.context(List.of("DM2 w/ neuropathy", "afib on warfarin", "xqzzy"), List.of(
                "metformin 500 mg bid", "Coumadin 5 mg"),
                Map.of("A1c", LocalDate.of(2026, 9, 1), "inr", LocalDate
                        .of(2026, 9, 1), "33914-3", LocalDate.of(2026, 1, 2), "blood colour", TODAY),
                TODAY,
                terminology, rules);

        assertThat(r.unread()).isEqualTo(2);
        assertThat(r.context().problems()).extracting(PatientContext.Problem::code).containsExactly("E11.40",
                "I48.91");
        assertThat(r.context().medications()).extracting(m -> m.rxcui().orElseThrow()).containsExactly("6809",
                "11289");
        List<MissingLab> missing = rules.evaluate(r.context(), terminology);
        assertThat(missing).extracting(MissingLab::ruleId).containsExactly("type2-diabetes-kidney",
                "warfarin-inr");
        assertThat(missing).extracting(m -> m.lab().id()).containsExactly("uacr", "inr");
    }

    @Test
    void without_rxnorm_a_medication_keeps_its_name_and_still_matches_a_rule() {
        NoteLists.Result r = NoteLists.context(List.of(), List.of("Lithium 300mg tid"), Map.of(), TODAY,
                Terminology.of(null, null, null), MissingLabRules.bundled());

        assertThat(MissingLabRules.bundled().evaluate(r.context())).extracting(m -> m.lab().id()).containsExactly(
                "lithium", "creatinine", "tsh", "calcium");
    }
}
