package org.clinigate.deid.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackedWordsTest {

    private static long[] key(String w) {
        return new long[]{PackedWords.pack(w, 0), PackedWords.pack(w, 8)};
    }

    @Test
    void finds_every_entry_and_nothing_else() {
        Map<String, Long> entries = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            entries.put("w" + Integer.toString(i, 36), (long) i);
        }
        entries.put("abcdefgh", 1L << 40); // exactly the first half
        entries.put("abcdefghijklmnop", 7L); // both halves full
        entries.put("abcdefghi", 8L); // one character into the second half
        PackedWords table = new PackedWords(entries);
        entries.forEach((w, v) -> {
            long[] k = key(w);
            assertThat(table.get(k[0], k[1], -1L)).as(w).isEqualTo(v);
        });
        for (String absent : new String[]{"abcdefg", "abcdefghij", "w", "zzzz", "abcdefghijklmno"}) {
            long[] k = key(absent);
            assertThat(table.get(k[0], k[1], -1L)).as(absent).isEqualTo(-1L);
        }
        assertThat(table.get(0, 0, -3L)).isEqualTo(-3L);
    }

    @Test
    void packing_a_region_folds_ascii_capitals_as_packing_the_lower_case_word_does() {
        String text = "see Dr. McALLISTER-Smith today";
        int from = 8;
        int to = from + "McALLISTER-Smith".length();
        String lower = "mcallister-smith";
        assertThat(PackedWords.packLower(text, from, to, 0)).isEqualTo(PackedWords.pack(lower, 0));
        assertThat(PackedWords.packLower(text, from, to, 8)).isEqualTo(PackedWords.pack(lower, 8));
    }

    @Test
    void only_short_ascii_words_are_packable() {
        assertThat(PackedWords.packable("a")).isTrue();
        assertThat(PackedWords.packable("abcdefghijklmnop")).isTrue();
        assertThat(PackedWords.packable("abcdefghijklmnopq")).isFalse();
        assertThat(PackedWords.packable("")).isFalse();
        assertThat(PackedWords.packable("caf\u00e9")).isFalse();
        assertThat(PackedWords.packable("a\u0000b")).isFalse();
        assertThatThrownBy(() -> new PackedWords(Map.of("stra\u00dfe", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("stra");
    }
}
