package org.clinigate.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.junit.jupiter.api.Test;

class RelinkingSinkTest {

    private static PhiMap scope() {
        PhiMap map = PhiMap.create("t");
        map.replacementFor(PhiCategory.NAME, "Ada Quill", n -> "[NAME_" + n + "]");
        map.replacementFor(PhiCategory.DATE, "03/14/2024", n -> "[DATE_" + n + "]");
        return map;
    }

    private static List<String> run(PhiMap map, List<String> chunks) {
        List<String> out = new ArrayList<>();
        ChatSink client = out::add;
        RelinkingSink sink = new RelinkingSink(map, client);
        chunks.forEach(sink::onToken);
        sink.onComplete(new ChatResponse("id", "m", String.join("", chunks), FinishReason.STOP, Usage.NONE));
        return out;
    }

    @Test
    void relinks_a_pseudonym_split_at_every_possible_position() {
        String answer = "Seen [NAME_1] on [DATE_1]; [NAME_1] improved.";
        String expected = "Seen Ada Quill on 03/14/2024; Ada Quill improved.";
        for (int cut = 1; cut < answer.length(); cut++) {
            for (int cut2 = cut + 1; cut2 < answer.length(); cut2 += 3) {
                List<String> out = run(scope(),
                        List.of(answer.substring(0, cut), answer.substring(cut, cut2), answer.substring(cut2)));
                assertThat(String.join("", out)).as("cuts %d %d", cut, cut2).isEqualTo(expected);
                assertThat(out).noneMatch(s -> s.contains("[NAME") || s.contains("[DATE"));
            }
        }
    }

    @Test
    void releases_a_bracket_that_cannot_become_a_pseudonym_at_once() {
        List<String> out = new ArrayList<>();
        RelinkingSink sink = new RelinkingSink(scope(), out::add);
        sink.onToken("see [ref 2] and [a");
        assertThat(String.join("", out)).isEqualTo("see [ref 2] and [a");
        sink.onToken("[NAM");
        assertThat(String.join("", out)).isEqualTo("see [ref 2] and [a");
        sink.onToken("E_9]");
        // A pseudonym this scope never issued is left as it is: another scope's tokens never re-link here.
        assertThat(String.join("", out)).isEqualTo("see [ref 2] and [a[NAME_9]");
    }

    @Test
    void holds_back_only_trailing_text_that_could_still_be_a_pseudonym() {
        assertThat(RelinkingSink.holdFrom("abc [NAME_")).isEqualTo(4);
        assertThat(RelinkingSink.holdFrom("abc [")).isEqualTo(4);
        assertThat(RelinkingSink.holdFrom("abc [name")).isEqualTo(9);
        assertThat(RelinkingSink.holdFrom("abc [NAME_1]")).isEqualTo(12);
        assertThat(RelinkingSink.holdFrom("abc")).isEqualTo(3);
    }

    @Test
    void a_call_scope_is_keyed_by_tenant_and_a_hash_never_by_the_raw_patient_id() {
        ScopeKey a = ScopeKey.patient("tenant-a", "MRN-12345678");
        ScopeKey b = ScopeKey.patient("tenant-b", "MRN-12345678");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.toString() + a.label()).doesNotContain("12345678");
    }
}
