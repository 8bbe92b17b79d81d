package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RxNormTest {

    @TempDir
    Path dir;

    @Test
    void keeps_english_rxnorm_rows_of_the_kept_term_types_that_are_not_suppressed() {
        RxNormSet rx = Fixtures.rxnorm();

        assertThat(rx.get("6809")).map(RxConcept::type).hasValue(RxTermType.IN);
        assertThat(rx.get("861007")).map(RxConcept::name).hasValue("metformin hydrochloride 500 MG Oral Tablet");
        assertThat(rx.get("900001")).as("suppressed O").isEmpty();
        assertThat(rx.get("900002")).as("another source").isEmpty();
        assertThat(rx.get("900003")).as("another language").isEmpty();
        assertThat(rx.size()).isEqualTo(22);
    }

    @Test
    void links_drugs_components_precise_ingredients_and_brands_to_their_ingredients_by_name() {
        RxNormSet rx = Fixtures.rxnorm();

        assertThat(rx.ingredientsOf("861007")).extracting(RxConcept::rxcui).containsExactly("6809");
        assertThat(rx.ingredientsOf("235743")).extracting(RxConcept::rxcui).containsExactly("6809");
        assertThat(rx.ingredientsOf("855334")).extracting(RxConcept::rxcui).containsExactly("11289");
        assertThat(rx.ingredientsOf("202421")).extracting(RxConcept::rxcui).containsExactly("11289");
        assertThat(rx.ingredientsOf("197886")).extracting(RxConcept::rxcui).containsExactly("5487", "29046");
        assertThat(rx.ingredientsOf("214618")).extracting(RxConcept::rxcui).containsExactly("5487", "29046");
        assertThat(rx.ingredientsOf("424242")).isEmpty();
    }

    @Test
    void reads_the_prescribable_tsv_by_its_header_and_drops_repeated_rows_and_other_types() {
        RxNormSet rx = RxNormImporter.read(Fixtures.path("rxnorm_prescribable_fixture.tsv"));

        assertThat(rx.size()).isEqualTo(8);
        assertThat(rx.get("999990")).as("GPCK is not kept").isEmpty();
        assertThat(rx.ingredientsOf("860974")).extracting(RxConcept::name).containsExactly("metformin");
    }

    @Test
    void malformed_rows_and_headers_are_format_errors_with_line_numbers() throws IOException {
        Path rrf = dir.resolve("RXNCONSO.RRF");
        Files.writeString(rrf, "6809|ENG||||||1|||||RXNORM|IN|6809|metformin||N|4096|\n6809|ENG|short\n");
        Path tsv = dir.resolve("rx_prescribable.tsv");
        Files.writeString(tsv, "code\tname\n1\tx\n");
        Path badCui = dir.resolve("rx_prescribable2.tsv");
        Files.writeString(badCui, "rxcui\ttty\tname\nabc\tIN\tmetformin\n");

        assertThatThrownBy(() -> RxNormImporter.read(rrf)).hasMessageStartingWith("CG-5101").hasMessageContaining(
                "line 2");
        assertThatThrownBy(() -> RxNormImporter.read(tsv)).hasMessageStartingWith("CG-5101").hasMessageContaining(
                "header");
        assertThatThrownBy(() -> RxNormImporter.read(badCui)).hasMessageStartingWith("CG-5101").hasMessageContaining(
                "line 2");
    }

    @Test
    void strengths_compare_across_milligrams_and_micrograms() {
        Strength mcg = new Strength(new BigDecimal("50"), "MCG");
        Strength mg = new Strength(new BigDecimal("0.050"), "MG");

        assertThat(mcg.sameAmount(mg)).isTrue();
        assertThat(mcg.sameAmount(new Strength(new BigDecimal("5"), "MG"))).isFalse();
        assertThat(new Strength(new BigDecimal("500.0"), "MG")).isEqualTo(new Strength(new BigDecimal("500"), "MG"));
        assertThat(mg.toString()).isEqualTo("0.05 MG");
    }
}
