package org.clinigate.knowledge.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> split(String s) {
        return Sentences.split(s).stream().map(r -> s.substring(r[0], r[1])).toList();
    }

    @Test
    void markers_after_the_full_stop_stay_with_their_sentence() {
        assertThat(split("Give 2.5 mg daily.[1] Then stop [2]. Done")).containsExactly("Give 2.5 mg daily.[1]",
                "Then stop [2].", "Done");
    }

    @Test
    void list_items_and_abbreviations() {
        assertThat(split("- First item [1]\n- Second e.g. this one [2]\n")).containsExactly("- First item [1]",
                "- Second e.g. this one [2]");
    }
}
