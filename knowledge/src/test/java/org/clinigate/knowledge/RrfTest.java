package org.clinigate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RrfTest {

    @Test
    void an_item_in_both_lists_beats_items_in_one_and_scores_add_up() {
        List<Rrf.Fused> fused = Rrf.fuse(new int[]{10, 20, 30}, new int[]{30, 40});
        assertThat(fused).extracting(Rrf.Fused::key).containsExactly(30, 10, 20, 40);
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(0).lexicalRank()).isEqualTo(3);
        assertThat(fused.get(0).vectorRank()).isEqualTo(1);
        assertThat(fused.get(3).lexicalRank()).isZero();
    }

    @Test
    void ties_go_to_the_better_lexical_rank() {
        List<Rrf.Fused> fused = Rrf.fuse(new int[]{1}, new int[]{2});
        assertThat(fused).extracting(Rrf.Fused::key).containsExactly(1, 2);
    }

    @Test
    void empty_lists_fuse_to_nothing() {
        assertThat(Rrf.fuse(new int[0], new int[0])).isEmpty();
    }
}
