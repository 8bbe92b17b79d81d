package org.clinigate.safety.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedicationExtractorTest {

    private static final MedicationExtractor EXTRACTOR = new MedicationExtractor(new DrugLexicon(DoseTable
            .defaults(), Interactions.defaults()));

    private static List<DoseMention> doses(String text) {
        return EXTRACTOR.extract(text).doses();
    }

    private static DoseMention one(String text) {
        List<DoseMention> d = doses(text);
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    @Test
    void reads_drug_dose_unit_route_and_frequency() {
        String text = "Acetaminophen 1000 mg PO q6h for pain.";
        DoseMention m = one(text);
        assertThat(m.drug()).isEqualTo("acetaminophen");
        assertThat(m.amount()).isEqualTo(1000);
        assertThat(m.unit()).isEqualTo("mg");
        assertThat(m.route()).isEqualTo(Route.ORAL);
        assertThat(m.dosesPerDay()).isEqualTo(4.0);
        assertThat(text.substring(m.flagStart(), m.spanEnd())).isEqualTo("Acetaminophen 1000 mg PO q6h");
    }

    @Test
    void reads_a_dose_per_kilogram_without_a_drug() {
        DoseMention m = one("Then give 15 mg/kg.");
        assertThat(m.drug()).isNull();
        assertThat(m.perKg()).isTrue();
        assertThat(m.amountMg()).isEqualTo(15);
    }

    @Test
    void reads_words_for_frequencies_and_units_glued_to_numbers() {
        assertThat(one("ibuprofen 800mg three times daily").dosesPerDay()).isEqualTo(3.0);
        assertThat(one("methotrexate 10 mg daily").dosesPerDay()).isEqualTo(1.0);
        assertThat(one("naproxen 500 mg BID").dosesPerDay()).isEqualTo(2.0);
        assertThat(one("morphine 10 mg every 4 to 6 hours as needed").dosesPerDay()).isEqualTo(6.0);
        assertThat(one("acetaminophen 650 mg q4-6h prn").dosesPerDay()).isEqualTo(6.0);
        DoseMention weekly = one("methotrexate 15 mg once weekly");
        assertThat(weekly.weeklySchedule()).isTrue();
        assertThat(weekly.dosesPerDay()).isEqualTo(1.0 / 7);
    }

    @Test
    void converts_grams_and_micrograms_and_reads_thousands_separators_and_ranges() {
        assertThat(one("1 g of amoxicillin twice a day").amountMg()).isEqualTo(1000);
        assertThat(one("1 g of amoxicillin twice a day").drug()).isEqualTo("amoxicillin");
        assertThat(one("levothyroxine 125 mcg daily").amountMg()).isEqualTo(0.125);
        assertThat(one("levothyroxine 125 micrograms daily").amountMg()).isEqualTo(0.125);
        assertThat(one("acetaminophen 1,000 mg").amount()).isEqualTo(1000);
        assertThat(one("acetaminophen 500-1000 mg every 6 hours").amount()).isEqualTo(1000);
    }

    @Test
    void reads_daily_and_weekly_totals_and_limit_statements() {
        DoseMention max = one("acetaminophen up to a maximum of 4 g/day");
        assertThat(max.period()).isEqualTo(DoseMention.Period.DAY);
        assertThat(max.limitStatement()).isTrue();
        assertThat(one("amoxicillin 45 mg/kg/day divided twice daily").period()).isEqualTo(DoseMention.Period.DAY);
        assertThat(one("methotrexate 20 mg per week").period()).isEqualTo(DoseMention.Period.WEEK);
    }

    @Test
    void tells_parenteral_from_oral() {
        assertThat(one("morphine 4 mg IV every 4 hours").route()).isEqualTo(Route.PARENTERAL);
        assertThat(one("ondansetron 4 mg intravenously").route()).isEqualTo(Route.PARENTERAL);
        assertThat(one("ondansetron 8 mg by mouth").route()).isEqualTo(Route.ORAL);
        assertThat(one("ondansetron 8 mg").route()).isEqualTo(Route.ANY);
    }

    @Test
    void leaves_out_rates_concentrations_body_surface_doses_and_combination_strengths() {
        assertThat(doses("amoxicillin suspension 250 mg/5 mL")).isEmpty();
        assertThat(doses("fentanyl patch 25 mcg/h")).isEmpty();
        assertThat(doses("norepinephrine 0.1 mcg/kg/min")).isEmpty();
        assertThat(doses("methotrexate 12 g/m2 IV")).isEmpty();
        assertThat(doses("hydrocodone/acetaminophen 5/325 mg")).isEmpty();
    }

    @Test
    void marks_doses_advised_against_and_doses_reported_as_events() {
        assertThat(one("Never give ibuprofen 800 mg to this patient.").negated()).isTrue();
        assertThat(one("Avoid acetaminophen 1 g doses here.").negated()).isTrue();
        assertThat(one("She took 20 g of acetaminophen last night.").reported()).isTrue();
        assertThat(one("If pain is not controlled, give ibuprofen 400 mg.").negated()).isFalse();
    }

    @Test
    void finds_brand_names_and_multi_word_names() {
        List<DrugMention> drugs = EXTRACTOR.extract("Tylenol, Advil, isosorbide mononitrate and TMP-SMX").drugs();
        assertThat(drugs).extracting(DrugMention::drug).containsExactly("acetaminophen", "ibuprofen",
                "isosorbide mononitrate", "trimethoprim-sulfamethoxazole");
    }
}
