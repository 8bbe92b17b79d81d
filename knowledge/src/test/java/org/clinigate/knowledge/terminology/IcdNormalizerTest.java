package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rankings on a 62-code fixture with the distractors each case needs; the full-release figures come from NormalizerEval. */
class IcdNormalizerTest {

    static IcdNormalizer normalizer;

    @BeforeAll
    static void build() {
        normalizer = IcdNormalizer.create(Fixtures.icd());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HTN|I10", "high blood pressure|I10", "hypertention|I10", "pulmonary HTN|I27.20",
            "DM2|E11.9", "T2DM|E11.9", "diabetis|E11.9", "type II diabetes|E11.9", "DM1|E10.9",
            "DM2 w/ neuropathy|E11.40", "diabetic peripheral neuropathy|E11.42", "poorly controlled DM2|E11.65",
            "afib|I48.91", "afib on warfarin|I48.91", "PAF|I48.0", "a flutter|I48.92", "on warfarin|Z79.01",
            "CKD stage 3b|N18.32", "CKD 3a|N18.31", "CKD IV|N18.4", "CKD|N18.9",
            "CHF|I50.9", "CHF exacerbation|I50.9", "acute on chronic systolic CHF|I50.23", "HFrEF|I50.20",
            "pnemonia|J18.9", "viral pneumonia|J12.9", "COPD exacerbation|J44.1", "COPD|J44.9",
            "migraine|G43.909", "migraine without aura|G43.009", "migraine w/ aura|G43.109",
            "R knee OA|M17.11", "osteoarthritis of the left knee|M17.12",
            "GERD|K21.9", "GERD w/ esophagitis|K21.00", "sickle cell disease|D57.1", "cirrhosis|K74.60",
            "atypical chest pain|R07.89", "chest pain|R07.9", "hep A|B15.9", "hepatitis A|B15.9",
            "inferior STEMI|I21.19", "scalp laceration|S01.01XA", "laceration of scalp with foreign body|S01.02XA",
            "prostatitis|N41.9", "prostatitis, chronic|N41.1", "acute prostatitis|N41.0",
            "acute respiratory failure|J96.00", "acute hypoxic respiratory failure|J96.01"})
    void ranks_the_expected_code_first(String problem, String code) {
        List<CodeMatch> matches = normalizer.normalize(problem, 5);

        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).code()).as("%s ranked %s", problem, matches).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"pancreatitis, acute|acute pancreatitis", "RA, seropositive|seropositive ra",
            "hip fracture, left|left hip fracture", "migraine, without aura|migraine, without aura",
            "CKD, on dialysis|ckd, on dialysis", "afib|afib", "a, b, c|a, b, c",
            "pain, chronic and severe|pain, chronic and severe"})
    void an_inverted_problem_is_read_in_order_unless_a_word_scopes_what_follows(String problem, String read) {
        assertThat(ProblemAnalyzer.uninverted(Tokens.normalize(problem))).isEqualTo(Tokens.normalize(read));
    }

    @Test
    void prefers_a_billable_code_to_its_category() {
        List<CodeMatch> matches = normalizer.normalize("heart failure", 5);

        assertThat(matches.get(0).code()).isEqualTo("I50.9");
        assertThat(matches.get(0).billable()).isTrue();
        assertThat(matches).filteredOn(m -> m.code().equals("I50")).singleElement().satisfies(category -> {
            assertThat(category.billable()).isFalse();
            assertThat(category.score()).isLessThan(matches.get(0).score());
        });
    }

    @Test
    void scores_descend_and_k_limits_the_list() {
        List<CodeMatch> matches = normalizer.normalize("type 2 diabetes", 3);

        assertThat(matches).hasSize(3);
        assertThat(matches.get(0).score()).isGreaterThanOrEqualTo(matches.get(1).score());
        assertThat(matches.get(1).score()).isGreaterThanOrEqualTo(matches.get(2).score());
        assertThat(matches).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.1));
    }

    @Test
    void a_congenital_code_needs_the_word_congenital() {
        assertThat(normalizer.normalize("cirrhosis", 1).get(0).code()).isEqualTo("K74.60");
        assertThat(normalizer.normalize("congenital cirrhosis", 1).get(0).code()).isEqualTo("P78.81");
    }

    @Test
    void a_problem_without_known_words_gives_nothing() {
        assertThat(normalizer.normalize("", 5)).isEmpty();
        assertThat(normalizer.normalize("  ?? -- ", 5)).isEmpty();
        assertThat(normalizer.normalize("xqzzy blorft", 5)).isEmpty();
    }

    @Test
    void rejects_a_k_below_one_and_an_overlong_problem_without_echoing_it() {
        assertThatThrownBy(() -> normalizer.normalize("HTN", 0)).isInstanceOf(IllegalArgumentException.class);
        String longText = "secret ".repeat(400);
        assertThatThrownBy(() -> normalizer.normalize(longText, 5)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret");
    }
}
