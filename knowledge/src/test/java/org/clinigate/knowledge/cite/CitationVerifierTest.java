package org.clinigate.knowledge.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinigate.knowledge.cite.Finding.PossiblyFabricated;
import org.clinigate.knowledge.cite.Finding.ReferenceKind;
import org.clinigate.knowledge.cite.Finding.Supported;
import org.clinigate.knowledge.cite.Finding.UnknownSource;
import org.clinigate.knowledge.cite.Finding.Unsupported;
import org.junit.jupiter.api.Test;

class CitationVerifierTest {

    static final List<NumberedSource> SOURCES = List.of(new NumberedSource(1, "warfarin", "Warfarin monitoring",
            "American College of Chest Physicians", "2012",
            "Check the INR every few days when warfarin is started. For most indications, including atrial "
                    + "fibrillation and venous thromboembolism, the target INR is 2.0 to 3.0. Once the INR is "
                    + "stable, testing can be spaced out to every 4 weeks."),
            new NumberedSource(2, "sepsis",
                    "Surviving Sepsis Campaign", "Society of Critical Care Medicine", "2021",
                    "For adults with possible septic shock, give antimicrobials immediately, ideally within "
                            + "one hour of recognition. Measure lactate. Norepinephrine is the "
                            + "first-line vasopressor."),
            new NumberedSource(3, "fever",
                    "Fever in under 5s", "NICE", "2019",
                    "Infants younger than 3 months with a temperature of 38°C or higher "
                            + "are at high risk of serious illness."));

    static final CitationVerifier VERIFIER = new CitationVerifier();

    @Test
    void an_exact_quote_of_the_cited_source_is_supported() {
        String answer = "The guideline says \"the target INR is 2.0 to 3.0\" for atrial fibrillation [1].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.ok()).isTrue();
        assertThat(r.of(Supported.class)).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(1);
            assertThat(s.match()).isEqualTo(Finding.Match.EXACT);
            assertThat(answer.substring(s.start(), s.end())).isEqualTo("the target INR is 2.0 to 3.0");
        });
        assertThat(r.markers()).isEqualTo(1);
    }

    @Test
    void a_close_paraphrase_is_supported_with_a_fuzzy_score() {
        String answer = "For most patients with atrial fibrillation on warfarin, the INR target is 2.0–3.0 [1]. "
                + "Antimicrobials should be given immediately, ideally within 1 hour, in possible septic shock.[2]";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.of(Supported.class)).extracting(Supported::source).containsExactly(1, 2);
        assertThat(r.of(Supported.class)).allSatisfy(s -> assertThat(s.score()).isBetween(0.6, 1.0));
    }

    @Test
    void a_normalized_match_ignores_case_punctuation_and_dashes() {
        String answer = "INFANTS YOUNGER THAN 3 MONTHS WITH A TEMPERATURE OF 38 °C OR HIGHER ARE AT HIGH RISK [3]";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(Supported.class)).singleElement().satisfies(s -> assertThat(s.match()).isIn(
                Finding.Match.NORMALIZED, Finding.Match.FUZZY));
    }

    @Test
    void a_claim_cited_to_the_wrong_source_is_unsupported_and_names_the_right_one() {
        String answer = "Norepinephrine is the first-line vasopressor in septic shock [1].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(Unsupported.class)).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo(1);
            assertThat(u.foundIn()).containsExactly(2);
            assertThat(u.score()).isLessThan(0.6);
        });
    }

    @Test
    void a_changed_number_is_not_support() {
        String answer = "For most indications the target INR is 3.0 to 4.0 [1].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(Unsupported.class)).singleElement().satisfies(u -> assertThat(u.foundIn()).isEmpty());
    }

    @Test
    void a_misquote_fails_the_stricter_quote_threshold() {
        String answer = "The source says \"the target INR is always 2.5 to 3.5 in every patient\" [1].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(Unsupported.class)).singleElement().satisfies(u -> assertThat(u.quote()).isTrue());
    }

    @Test
    void markers_beyond_the_sources_are_unknown() {
        String answer = "Measure lactate [2][4]. Check the INR every few days when warfarin is started [5-6].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(UnknownSource.class)).extracting(UnknownSource::source).containsExactly(4, 5, 6);
        assertThat(r.markers()).isEqualTo(4);
        assertThat(r.ok()).isFalse();
    }

    @Test
    void several_markers_in_one_sentence_each_close_their_own_claim() {
        String answer = "Measure lactate [2], and check the INR every few days when warfarin is started [1].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.of(Supported.class)).extracting(Supported::source).containsExactly(2, 1);
    }

    @Test
    void references_absent_from_the_sources_are_flagged_as_possibly_fabricated() {
        String answer = "The SPRINT trial showed benefit (PMID: 26551272; doi:10.1056/NEJMoa1511939). "
                + "Smith et al. (2019) agree, as do the 2023 ESC guidelines and NCT01206062. "
                + "See also N Engl J Med 2015.";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(PossiblyFabricated.class)).extracting(PossiblyFabricated::kind).containsExactly(
                ReferenceKind.NAMED_TRIAL, ReferenceKind.PMID, ReferenceKind.DOI, ReferenceKind.AUTHOR_CITATION,
                ReferenceKind.GUIDELINE, ReferenceKind.TRIAL_REGISTRATION, ReferenceKind.JOURNAL);
        assertThat(r.of(PossiblyFabricated.class).get(0)).satisfies(f -> assertThat(answer.substring(f.start(),
                f.end())).isEqualTo("SPRINT trial"));
    }

    @Test
    void references_that_the_sources_name_are_not_flagged() {
        String answer = "The NICE guideline [3] and the 2021 Surviving Sepsis Campaign recommendations [2] apply; "
                + "see the American College of Chest Physicians guideline from 2012.";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.of(PossiblyFabricated.class)).isEmpty();
    }

    @Test
    void a_bare_pointer_without_a_claim_is_counted_but_not_judged() {
        CitationReport r = VERIFIER.verify("See [2].", SOURCES);
        assertThat(r.findings()).isEmpty();
        assertThat(r.markers()).isEqualTo(1);
    }

    @Test
    void findings_never_carry_answer_text() {
        CitationReport r = VERIFIER.verify("Patient John Canary had an INR of 9 [1]. PMID 99999999.", SOURCES);
        assertThat(r.toString()).doesNotContain("Canary");
        assertThat(r.findings()).isNotEmpty();
    }

    @Test
    void prompt_block_numbers_sources_as_the_verifier_reads_them() {
        String block = NumberedSource.promptBlock(SOURCES.subList(0, 2));
        assertThat(block).startsWith("[1] Warfarin monitoring (American College of Chest Physicians, 2012)\n"
                + "Check the INR").contains("\n\n[2] Surviving Sepsis Campaign (Society of Critical Care Medicine, "
                        + "2021)\nFor adults");
    }
    @Test
    void a_quotation_with_a_word_changed_is_a_misquote_even_when_every_other_word_matches() {
        CitationReport r = VERIFIER.verify("The summary says \"testing can never be spaced out to every 4 weeks\" "
                + "[1].", SOURCES);
        assertThat(r.of(Unsupported.class)).singleElement().satisfies(u -> assertThat(u.quote()).isTrue());
        // An ellipsis may leave words out of a quotation that is otherwise exact.
        assertThat(VERIFIER.verify("It says \"Check the INR ... when warfarin is started\" [1].", SOURCES).ok())
                .isTrue();
    }

    @Test
    void a_marker_after_a_closing_quote_closes_the_quoted_sentence() {
        CitationReport r = VERIFIER.verify("The summary says: \"Measure lactate daily.\" [2]", SOURCES);
        assertThat(r.of(Unsupported.class)).hasSize(1);
    }

    @Test
    void numbers_taken_from_different_sentences_of_a_source_do_not_support_one_clause() {
        // 38 degrees and "3 months" are together in source 3, so the claim holds; "4 weeks" belongs elsewhere.
        assertThat(VERIFIER.verify("Infants younger than 3 months with a temperature of 38°C or higher are at high "
                + "risk [3].", SOURCES).ok()).isTrue();
        assertThat(VERIFIER.verify("The target INR is 2.0 to 3.0 every 4 weeks [1].", SOURCES).ok()).isFalse();
        // Separate clauses may draw on separate sentences.
        assertThat(VERIFIER.verify("The target INR is 2.0 to 3.0, and once stable testing can be spaced out to "
                + "every 4 weeks [1].", SOURCES).ok()).isTrue();
    }

    @Test
    void journal_citations_named_guidance_and_bracketed_authors_outside_the_sources_are_possibly_fabricated() {
        String[] answers = {"This follows the HEART Pathway study (JAMA Cardiol. 2018;3(2):104-111) [1].",
                "See the World Allergy Organization anaphylaxis guidance 2020 [1].",
                "As published in the Journal of Emergency Triage, the target INR is 2.0 to 3.0 [1].",
                "Sullivan and Farrar (Pediatrics, 2011) discuss the target INR [1]."};
        for (String a : answers) {
            assertThat(VERIFIER.verify(a, SOURCES).of(PossiblyFabricated.class)).as(a).isNotEmpty();
        }
        assertThat(VERIFIER.verify("The Surviving Sepsis Campaign guidelines say norepinephrine is the first-line "
                + "vasopressor [2].", SOURCES).of(PossiblyFabricated.class)).isEmpty();
    }

    @Test
    void a_reversed_recommendation_or_bound_is_not_support_though_every_word_matches() {
        List<NumberedSource> src = List.of(new NumberedSource(1, "kidney", "Metformin and kidney function", "FDA",
                "2016", "Metformin should not be started in adults whose eGFR is between 30 and 45 mL/min/1.73 m2. "
                        + "Stop metformin in adults whose eGFR falls below 30 mL/min/1.73 m2. Keep the dose under "
                        + "review at least once a year."));
        // The same words with the advice reversed, and a bound turned round.
        assertThat(VERIFIER.verify("Metformin should be started in adults whose eGFR is between 30 and 45 "
                + "mL/min/1.73 m2 [1].", src).of(Unsupported.class)).hasSize(1);
        assertThat(VERIFIER.verify("Stop metformin in adults whose eGFR rises above 30 mL/min/1.73 m2 [1].", src).of(
                Unsupported.class)).hasSize(1);
        // Faithful paraphrases keep their polarity and bounds; "no more than" is a bound, not a denial.
        assertThat(VERIFIER.verify("Do not start metformin for adults whose eGFR lies between 30 and 45 mL/min/1.73 "
                + "m2 [1].", src).ok()).isTrue();
        assertThat(VERIFIER.verify("Metformin is stopped in adults once their eGFR falls below 30 mL/min/1.73 m2 [1].",
                src).ok()).isTrue();
        List<NumberedSource> dose = List.of(new NumberedSource(1, "dose", "Ibuprofen", "FDA", "2020",
                "Adults take 200 mg every 4 to 6 hours, with a maximum of 1,200 mg in 24 hours."));
        assertThat(VERIFIER.verify("Adults take 200 mg every 4 to 6 hours, and no more than 1,200 mg in 24 hours [1].",
                dose).ok()).isTrue();
    }

    @Test
    void named_bodies_reviews_and_colleagues_outside_the_sources_are_possibly_fabricated() {
        String[] answers = {
                "The target INR is 2.0 to 3.0 [1], as the 2019 European Society of Cardiology and Heart Rhythm "
                        + "Society consensus statement confirms.",
                "The target INR is 2.0 to 3.0 [1], per the ESC/EHRA atrial fibrillation management guidelines.",
                "The target INR is 2.0 to 3.0 [1]; a 2018 Cochrane review agreed.",
                "Norepinephrine is the first-line vasopressor [2], as shown by Okonkwo and colleagues.",
                "Norepinephrine is the first-line vasopressor [2], according to a 2022 meta-analysis in the Lancet.",
                "Measure lactate [2], following the Infectious Diseases Society of America 2024 practice bulletin."};
        for (String a : answers) {
            assertThat(VERIFIER.verify(a, SOURCES).of(PossiblyFabricated.class)).as(a).isNotEmpty();
        }
        // Bodies the sources name stay grounded in the longer forms too.
        assertThat(VERIFIER.verify("The 2021 Surviving Sepsis Campaign guidelines say norepinephrine is the first-line "
                + "vasopressor [2]. The 2012 American College of Chest Physicians guidance sets the INR target [1].",
                SOURCES).of(PossiblyFabricated.class)).isEmpty();
    }

    @Test
    void a_number_put_before_another_unit_of_the_source_is_not_support() {
        List<NumberedSource> src = List.of(new NumberedSource(1, "paracetamol", "Paracetamol for children", "NICE",
                "2019", "Give 10 to 15 mg/kg every 4 to 6 hours, with no more than 5 doses in 24 hours. Adults may "
                        + "take 500 micrograms of the other drug."));
        assertThat(VERIFIER.verify("Give 10 to 15 mg/kg every 4 to 6 hours, with no more than 4 doses in 24 hours [1].",
                src).of(Unsupported.class)).hasSize(1);
        assertThat(VERIFIER.verify("Give 10 to 15 mg/kg every 4 to 6 hours, with no more than 5 doses in 24 hours [1].",
                src).ok()).isTrue();
        // The same mass in other units is the same number.
        assertThat(VERIFIER.verify("Adults may take 0.5 mg of the other drug [1].", src).ok()).isTrue();
    }

    @Test
    void adjacent_markers_let_their_sources_support_a_claim_together() {
        String answer = "Antimicrobials go in within one hour of recognition, and the target INR is 2.0 to 3.0 [1][2].";
        CitationReport r = VERIFIER.verify(answer, SOURCES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.markers()).isEqualTo(2);
        assertThat(VERIFIER.verify("Antimicrobials go in within one hour of recognition, and the target INR is 2.0 to "
                + "3.0 [2].", SOURCES).ok()).isFalse();
    }

    @Test
    void the_year_and_possessive_that_name_a_source_are_not_claim_numbers() {
        assertThat(VERIFIER.verify("NICE's 2019 summary says infants younger than 3 months with a temperature of 38°C "
                + "or higher are at high risk [3].", SOURCES).ok()).isTrue();
        List<NumberedSource> bp = List.of(new NumberedSource(1, "bp", "Blood pressure categories", "ACC/AHA", "2017",
                "Normal: systolic <120 mmHg and diastolic <80 mmHg."));
        assertThat(VERIFIER.verify("Normal blood pressure is a systolic below 120 mmHg and a diastolic below 80 mmHg "
                + "[1].", bp).ok()).isTrue();
    }
}
