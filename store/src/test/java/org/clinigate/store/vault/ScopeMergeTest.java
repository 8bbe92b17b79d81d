package org.clinigate.store.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.junit.jupiter.api.Test;

class ScopeMergeTest {

    private static String name(PhiMap map, String original) {
        return map.replacementFor(PhiCategory.NAME, original, n -> "[NAME_" + n + "]");
    }

    @Test
    void the_stored_entries_win_every_clash_and_free_entries_of_ours_are_kept() {
        PhiMap stored = new PhiMap("s", 3);
        name(stored, "Smith");
        PhiMap mine = new PhiMap("s", -9);
        name(mine, "Jones"); // [NAME_1]: taken by Smith in the stored map
        name(mine, "Brown"); // [NAME_2]: free
        mine.replacementFor(PhiCategory.NAME, "Smith", n -> "[NAME_" + (n + 10) + "]"); // Smith has one already
        PhiMap merged = ScopeMerge.merge("s", stored, mine);
        assertThat(merged.originalOf("[NAME_1]")).contains("Smith");
        assertThat(merged.originalOf("[NAME_2]")).contains("Brown");
        assertThat(merged.isReplacement("[NAME_13]")).isFalse();
        assertThat(merged.size()).isEqualTo(2);
        assertThat(merged.dateShiftDays()).isEqualTo(3);
        assertThat(name(merged, "Jones")).isEqualTo("[NAME_4]"); // numbering continues after every counter seen
    }

    @Test
    void a_map_that_already_holds_everything_stored_is_kept_as_it_is() {
        PhiMap stored = new PhiMap("s", 3);
        name(stored, "Smith");
        PhiMap mine = PhiMapCodec.decode(PhiMapCodec.encode(stored).bytes(), "s");
        name(mine, "Brown");
        assertThat(ScopeMerge.merge("s", stored, mine)).isSameAs(mine);
    }
}
