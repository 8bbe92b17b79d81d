package org.clinigate.safety.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinigate.core.rails.RailContext;
import org.junit.jupiter.api.Test;

class MedicationCheckerTest {

    private static final MedicationChecker CHECKER = MedicationChecker.defaults();
    private static final RailContext ADULT = RailContext.of("chat").withPatientAge(45);

    private static List<MedCheck> kinds(String text, RailContext ctx) {
        return CHECKER.check(text, ctx).stream().map(MedFinding::kind).toList();
    }

    @Test
    void passes_labelled_adult_doses() {
        assertThat(kinds("Acetaminophen 1000 mg PO q6h, maximum 4 g per day.", ADULT)).isEmpty();
        assertThat(kinds("Ibuprofen 800 mg three times daily with food.", ADULT)).isEmpty();
        assertThat(kinds("Metformin 1000 mg twice daily; levothyroxine 100 mcg daily.", ADULT)).isEmpty();
        assertThat(kinds("Methotrexate 15 mg once weekly.", ADULT)).isEmpty();
    }

    @Test
    void flags_a_single_dose_above_the_label() {
        List<MedFinding> f = CHECKER.check("Give ibuprofen 1200 mg now.", ADULT);
        assertThat(f).extracting(MedFinding::kind).containsExactly(MedCheck.OVERDOSE_SINGLE);
        assertThat(f.get(0).message()).contains("1200 mg", "800 mg", "Ibuprofen tablets USP");
    }

    @Test
    void computes_the_daily_total_from_the_frequency() {
        List<MedFinding> f = CHECKER.check("Acetaminophen 1 g every 4 hours.", ADULT);
        assertThat(f).extracting(MedFinding::kind).containsExactly(MedCheck.OVERDOSE_DAILY);
        assertThat(f.get(0).message()).contains("6000 mg", "4000 mg");
    }

    @Test
    void checks_stated_limits_as_limits() {
        assertThat(kinds("Do not exceed 6 g of acetaminophen per day.", ADULT)).containsExactly(
                MedCheck.OVERDOSE_DAILY);
        assertThat(kinds("Do not exceed 4 g of acetaminophen per day.", ADULT)).isEmpty();
    }

    @Test
    void calls_a_slipped_decimal_a_tenfold_error() {
        assertThat(kinds("Give acetaminophen 10 g PO.", ADULT)).containsExactly(MedCheck.TENFOLD);
        assertThat(kinds("Hydromorphone 20 mg IV now.", ADULT)).containsExactly(MedCheck.TENFOLD);
        assertThat(kinds("Acetaminophen 150 mg/kg every 6 hours.", ADULT)).contains(MedCheck.TENFOLD);
    }

    @Test
    void calls_mg_written_for_mcg_a_unit_confusion() {
        List<MedFinding> f = CHECKER.check("Levothyroxine 100 mg daily.", ADULT);
        assertThat(f).extracting(MedFinding::kind).containsExactly(MedCheck.UNIT_CONFUSION);
        assertThat(f.get(0).message()).contains("mg written for mcg");
        assertThat(kinds("Digoxin 250 mg PO daily.", ADULT)).containsExactly(MedCheck.UNIT_CONFUSION);
        assertThat(kinds("Digoxin 250 mcg PO daily.", ADULT)).isEmpty();
    }

    @Test
    void flags_methotrexate_written_daily() {
        List<MedCheck> k = kinds("Methotrexate 10 mg daily.", ADULT);
        assertThat(k).contains(MedCheck.INTERVAL, MedCheck.OVERDOSE_DAILY);
    }

    @Test
    void flags_an_adult_dose_for_a_child_by_weight_or_by_age() {
        RailContext fourYears = RailContext.of("chat").withPatientAge(4);
        assertThat(kinds("Acetaminophen 1000 mg every 6 hours.", fourYears)).containsExactly(MedCheck.PEDIATRIC);
        assertThat(kinds("Acetaminophen 1000 mg every 6 hours.", fourYears.withPatientWeight(16))).containsExactly(
                MedCheck.PEDIATRIC);
        assertThat(kinds("Acetaminophen 240 mg every 6 hours.", fourYears.withPatientWeight(16))).isEmpty();
        assertThat(kinds("Acetaminophen 15 mg/kg every 6 hours.", fourYears)).isEmpty();
        assertThat(kinds("Acetaminophen 1000 mg every 6 hours.", RailContext.of("chat").withPatientAge(16)))
                .isEmpty();
    }

    @Test
    void flags_a_drug_the_label_advises_against_at_the_patients_age() {
        List<MedFinding> f = CHECKER.check("Tramadol 50 mg every 6 hours.", RailContext.of("chat").withPatientAge(
                9));
        assertThat(f).extracting(MedFinding::kind).containsExactly(MedCheck.PEDIATRIC);
        assertThat(f.get(0).message()).contains("under 12 years");
        assertThat(kinds("Aspirin 81 mg daily.", RailContext.of("chat").withPatientAge(7))).containsExactly(
                MedCheck.PEDIATRIC);
    }

    @Test
    void flags_a_weight_based_adult_limit_when_the_weight_is_given() {
        RailContext adult80 = ADULT.withPatientWeight(80);
        assertThat(kinds("Enoxaparin 80 mg SC every 12 hours.", adult80)).isEmpty();
        assertThat(kinds("Enoxaparin 200 mg SC once daily.", adult80)).containsExactly(MedCheck.OVERDOSE_SINGLE);
        assertThat(kinds("Enoxaparin 200 mg SC every 12 hours.", adult80)).containsExactly(MedCheck.OVERDOSE_DAILY);
        assertThat(kinds("Enoxaparin 200 mg SC once daily.", ADULT)).isEmpty();
    }

    @Test
    void flags_a_listed_pair_only_when_both_are_advised() {
        assertThat(kinds("Continue warfarin 5 mg daily. Add ibuprofen 400 mg three times daily.", ADULT))
                .containsExactly(MedCheck.INTERACTION);
        assertThat(kinds("Start sildenafil 50 mg. He uses nitroglycerin spray for angina.", ADULT)).containsExactly(
                MedCheck.INTERACTION);
        assertThat(kinds("Avoid ibuprofen while taking warfarin.", ADULT)).isEmpty();
        assertThat(kinds("Warfarin 5 mg daily. Do not take NSAIDs such as naproxen.", ADULT)).isEmpty();
    }

    @Test
    void names_the_pair_and_its_label() {
        List<MedFinding> f = CHECKER.check("Start sertraline 50 mg daily. She also takes phenelzine.", ADULT);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("sertraline", "phenelzine", "serotonin syndrome",
                "Sertraline hydrochloride tablets");
    }

    @Test
    void flags_error_prone_notation() {
        assertThat(kinds("Lorazepam .5 mg at night.", ADULT)).containsExactly(MedCheck.NOTATION);
        assertThat(kinds("Warfarin 5.0 mg daily.", ADULT)).containsExactly(MedCheck.NOTATION);
        assertThat(kinds("Warfarin 2.5 mg daily.", ADULT)).isEmpty();
    }

    @Test
    void does_not_check_doses_advised_against_or_reported() {
        assertThat(kinds("Never give acetaminophen 10 g.", ADULT)).isEmpty();
        assertThat(kinds("He took 20 g of acetaminophen yesterday.", ADULT)).isEmpty();
        assertThat(kinds("The patient reported taking 30 g of acetaminophen.", ADULT)).isEmpty();
    }

    @Test
    void uses_the_route_when_limits_differ_by_route() {
        assertThat(kinds("Morphine 20 mg PO every 4 hours.", ADULT)).isEmpty();
        assertThat(kinds("Morphine 20 mg IV every 4 hours.", ADULT)).containsExactly(MedCheck.OVERDOSE_SINGLE);
        // No route named: the looser oral row applies, so nothing is flagged by guess.
        assertThat(kinds("Morphine 20 mg every 4 hours.", ADULT)).isEmpty();
    }

    @Test
    void offsets_cover_the_drug_and_the_dose() {
        String text = "Plan: give acetaminophen 2000 mg PO now.";
        MedFinding f = CHECKER.check(text, ADULT).get(0);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("acetaminophen 2000 mg");
    }
}
