package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DrugNormalizerTest {

    static DrugNormalizer drugs;

    @BeforeAll
    static void build() {
        drugs = DrugNormalizer.create(Fixtures.rxnorm());
    }

    @Test
    void reads_ingredient_strength_and_component_from_a_mention_with_a_frequency() {
        DrugMatch m = drugs.normalize("metformin 500 mg bid").orElseThrow();

        assertThat(m.ingredient().rxcui()).isEqualTo("6809");
        assertThat(m.ingredient().name()).isEqualTo("metformin");
        assertThat(m.strength()).map(Strength::toString).hasValue("500 MG");
        assertThat(m.component()).map(RxConcept::rxcui).hasValue("860974");
        assertThat(m.score()).isEqualTo(1.0);
    }

    @Test
    void reads_units_written_against_the_number_and_precise_ingredients() {
        assertThat(drugs.normalize("lisinopril 10mg daily")).get().satisfies(m -> {
            assertThat(m.ingredient().rxcui()).isEqualTo("29046");
            assertThat(m.component()).map(RxConcept::rxcui).hasValue("316151");
        });
        assertThat(drugs.normalize("Metformin Hydrochloride 500MG")).map(m -> m.ingredient().rxcui()).hasValue(
                "6809");
    }

    @Test
    void maps_brands_and_abbreviations_to_ingredients_and_infers_the_unit_of_a_bare_number() {
        DrugMatch coumadin = drugs.normalize("Coumadin 5").orElseThrow();
        DrugMatch hctz = drugs.normalize("HCTZ 25 daily").orElseThrow();

        assertThat(coumadin.ingredient().name()).isEqualTo("warfarin");
        assertThat(coumadin.strength()).map(Strength::toString).hasValue("5 MG");
        assertThat(coumadin.component()).map(RxConcept::name).hasValue("warfarin sodium 5 MG");
        assertThat(hctz.ingredient().rxcui()).isEqualTo("5487");
        assertThat(hctz.component()).map(RxConcept::rxcui).hasValue("316049");
    }

    @Test
    void matches_micrograms_to_a_component_written_in_milligrams() {
        DrugMatch m = drugs.normalize("levothyroxine 50 mcg qam").orElseThrow();

        assertThat(m.strength()).map(Strength::toString).hasValue("50 MCG");
        assertThat(m.component()).map(RxConcept::name).hasValue("levothyroxine sodium 0.05 MG");
    }

    @Test
    void corrects_a_misspelled_name_with_a_lower_score() {
        DrugMatch m = drugs.normalize("lisinipril 10 mg").orElseThrow();

        assertThat(m.ingredient().name()).isEqualTo("lisinopril");
        assertThat(m.score()).isLessThan(1.0);
    }

    @Test
    void a_mention_without_strength_or_known_name() {
        assertThat(drugs.normalize("warfarin")).get().satisfies(m -> {
            assertThat(m.strength()).isEmpty();
            assertThat(m.component()).isEmpty();
        });
        assertThat(drugs.normalize("insulin glargine 20 units")).isEmpty();
        assertThat(drugs.normalize("")).isEqualTo(Optional.empty());
    }

    @Test
    void prefers_the_longest_name_in_the_mention() {
        assertThat(drugs.normalize("lithium carbonate 300 mg tid")).get().satisfies(m -> {
            assertThat(m.ingredient().rxcui()).isEqualTo("42351");
            assertThat(m.component()).map(RxConcept::rxcui).hasValue("332535");
        });
    }
}
