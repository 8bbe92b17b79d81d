package org.clinigate.store.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.junit.jupiter.api.Test;

class PhiMapCodecTest {

    static PhiMap sample() {
        PhiMap map = new PhiMap("conversation:abc", -42);
        map.replacementFor(PhiCategory.NAME, "Ada Lovelace", n -> "[NAME_" + n + "]");
        map.replacementFor(PhiCategory.NAME, "Grace Hopper", n -> "[NAME_" + n + "]");
        map.replacementFor(PhiCategory.PHONE, "+1 555 0100", n -> "[PHONE_" + n + "]");
        map.replacementFor(PhiCategory.LOCATION, "Zürich – Spital", n -> "Springfield " + n);
        return map;
    }

    @Test
    void a_decoded_map_has_every_entry_the_date_shift_and_the_counters() {
        PhiMap map = sample();
        PhiMap back = PhiMapCodec.decode(PhiMapCodec.encode(map).bytes(), "conversation:abc");
        assertThat(back.entries()).containsExactlyInAnyOrderElementsOf(map.entries());
        assertThat(back.dateShiftDays()).isEqualTo(-42);
        assertThat(back.counters()).isEqualTo(map.counters());
        assertThat(back.relink("[NAME_2] called from [PHONE_1] in Springfield 1"))
                .isEqualTo("Grace Hopper called from +1 555 0100 in Zürich – Spital");
        // the next pseudonym of a category continues after the restored ones
        assertThat(back.replacementFor(PhiCategory.NAME, "Alan Turing", n -> "[NAME_" + n + "]")).isEqualTo("[NAME_3]");
        assertThat(back.replacementFor(PhiCategory.LOCATION, "Bern", n -> "Springfield " + n))
                .isEqualTo("Springfield 2");
    }

    @Test
    void an_empty_map_round_trips() {
        PhiMap empty = new PhiMap("patient:x", 7);
        PhiMap back = PhiMapCodec.decode(PhiMapCodec.encode(empty).bytes(), "patient:x");
        assertThat(back.size()).isZero();
        assertThat(back.dateShiftDays()).isEqualTo(7);
    }

    @Test
    void an_unknown_format_or_a_truncated_record_is_refused_without_quoting_it() {
        byte[] bytes = PhiMapCodec.encode(sample()).bytes();
        byte[] future = bytes.clone();
        future[0] = 2;
        assertThatThrownBy(() -> PhiMapCodec.decode(future, "s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 2");
        for (int cut : new int[]{1, 5, 9, bytes.length - 1}) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> PhiMapCodec.decode(truncated, "s")).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Ada").doesNotContain("555"));
        }
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> PhiMapCodec.decode(trailing, "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_encoded_snapshot_reports_its_entry_count_and_prints_no_phi() {
        PhiMapCodec.Encoded encoded = PhiMapCodec.encode(sample());
        assertThat(encoded.entries()).isEqualTo(4);
        assertThat(encoded.toString()).doesNotContain("Ada").contains("entries=4");
    }
}
