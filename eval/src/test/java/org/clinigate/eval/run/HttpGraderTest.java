package org.clinigate.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.grade.RubricGrader;
import org.clinigate.eval.suite.Task;
import org.junit.jupiter.api.Test;

class HttpGraderTest {

    static final Task.Rubric RUBRIC = new Task.Rubric(List.of(new Task.Turn("user", "help")), List.of(
            new Task.Criterion("Advises care.", 5, List.of("axis:completeness")), new Task.Criterion("Lists drugs.", -5,
                    List.of("axis:accuracy"))));

    @Test
    void reads_verdicts_in_plain_fenced_and_almost_json_replies() {
        assertThat(HttpGrader.verdict("{\"explanation\": \"ok\", \"criteria_met\": true}")).isTrue();
        assertThat(HttpGrader.verdict("```json\n{\"explanation\": \"no\", \"criteria_met\": false}\n```")).isFalse();
        assertThat(HttpGrader.verdict("Sure! {\"explanation\": \"it's fine\", \"criteria_met\": true,}")).isTrue();
        assertThat(HttpGrader.verdict("I think it is met.")).isNull();
        assertThat(HttpGrader.verdict("{\"criteria_met\": \"yes\"}")).isNull();
        assertThat(HttpGrader.verdict("\"criteria_met\": true ... \"criteria_met\": false")).isNull();
        assertThat(HttpGrader.verdict(null)).isNull();
    }

    @Test
    void a_grader_that_answers_garbage_twice_marks_the_item_grader_error() {
        AtomicInteger calls = new AtomicInteger();
        HttpGrader g = new HttpGrader(r -> {
            calls.incrementAndGet();
            return Reply.of("lorem ipsum");
        }, "judge");
        Grade grade = new RubricGrader(g).grade(RUBRIC, "reply");
        assertThat(grade.status()).isEqualTo(Grade.GRADER_ERROR);
        assertThat(grade.error()).startsWith("CG-7003");
        assertThat(grade.score()).isNull();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void a_grader_that_fails_marks_the_item_grader_error_with_the_cause_code() {
        HttpGrader g = new HttpGrader(r -> {
            throw new ClinigateException(ErrorCode.CG_2104, "HTTP 500");
        }, "judge");
        assertThatThrownBy(() -> g.met(RUBRIC.conversation(), "x", RUBRIC.criteria().get(0))).hasMessageStartingWith(
                "CG-7003").hasMessageContaining("CG-2104");
        assertThat(new RubricGrader(g).grade(RUBRIC, "x").status()).isEqualTo(Grade.GRADER_ERROR);
    }

    @Test
    void a_working_grader_scores_the_rubric() {
        HttpGrader g = new HttpGrader(r -> Reply.of(r.messages().get(0).text().contains("Advises care")
                ? "{\"explanation\":\"\",\"criteria_met\":true}"
                : "{\"explanation\":\"\",\"criteria_met\":false}"), "judge");
        Grade grade = new RubricGrader(g).grade(RUBRIC, "see a doctor");
        assertThat(grade.score()).isEqualTo(1.0);
        assertThat(HttpGrader.prompt(RUBRIC.conversation(), "see a doctor", RUBRIC.criteria().get(1))).contains(
                "[-5] Lists drugs.").contains("assistant: see a doctor");
    }

    @Test
    void http_chat_reads_replies_rails_and_maps_failures() {
        byte[] gateway = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Call emergency services"
                + "\"}}],\"clinigate\":{\"rails\":{\"input\":\"block\",\"output\":\"pass\",\"flags\":[{\"rule\":"
                + "\"input.emergency.chest-pain\",\"severity\":\"high\"}]}}}").getBytes(StandardCharsets.UTF_8);
        Reply r = HttpChat.parse(200, gateway);
        assertThat(r.text()).isEqualTo("Call emergency services");
        assertThat(r.rules()).containsExactly("input.emergency.chest-pain");
        assertThat(r.inputVerdict()).isEqualTo("block");
        assertThat(HttpChat.parse(200, "{\"choices\":[{\"message\":{\"content\":\"hi\"}}]}".getBytes(
                StandardCharsets.UTF_8)).rules()).isEmpty();
        assertThatThrownBy(() -> HttpChat.parse(200, "<html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("CG-2103");
        assertThatThrownBy(() -> HttpChat.parse(200, "{}".getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith(
                "CG-2103");
        assertThatThrownBy(() -> HttpChat.parse(503, new byte[0])).hasMessageStartingWith("CG-2104");
        assertThatThrownBy(() -> HttpChat.parse(401, new byte[0])).hasMessageStartingWith("CG-2105");
        assertThatThrownBy(() -> HttpChat.parse(429, new byte[0])).hasMessageStartingWith("CG-2106");
    }

    @Test
    void endpoints_are_normalised_to_the_completions_url() {
        assertThat(HttpChat.completionsUri("http://127.0.0.1:8080").toString()).isEqualTo(
                "http://127.0.0.1:8080/v1/chat/completions");
        assertThat(HttpChat.completionsUri("http://h/v1/").toString()).isEqualTo("http://h/v1/chat/completions");
        assertThat(HttpChat.completionsUri("https://h/v1/chat/completions").toString()).isEqualTo(
                "https://h/v1/chat/completions");
        assertThatThrownBy(() -> HttpChat.completionsUri("ftp://h")).hasMessageStartingWith("CG-1001");
    }
}
