package org.clinigate.core.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PhiMapTest {

    @Test
    void replacements_are_one_immutable_set_until_an_entry_is_added() {
        PhiMap map = PhiMap.create("scope");
        map.replacementFor(PhiCategory.NAME, "Ada Quill", n -> "[NAME_" + n + "]");

        Set<String> first = map.replacements();
        assertThat(first).containsExactly("[NAME_1]");
        assertThat(map.replacements()).isSameAs(first);
        assertThatThrownBy(() -> first.add("[NAME_9]")).isInstanceOf(UnsupportedOperationException.class);

        map.replacementFor(PhiCategory.NAME, "Ada Quill", n -> "[NAME_" + n + "]"); // known: nothing new
        assertThat(map.replacements()).isSameAs(first);

        map.replacementFor(PhiCategory.DATE, "03/14/2024", n -> "[DATE_" + n + "]");
        assertThat(map.replacements()).containsExactlyInAnyOrder("[NAME_1]", "[DATE_1]");
        assertThat(first).containsExactly("[NAME_1]");

        map.restore(new PhiMap.Entry(PhiCategory.MRN, "611892527", "[MRN_4]"));
        assertThat(map.replacements()).contains("[MRN_4]").hasSize(3);
    }
}
