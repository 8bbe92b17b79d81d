package org.clinigate.eval.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AnswerExtractorTest {

    static final Map<String, String> OPTIONS = new LinkedHashMap<>();
    static {
        OPTIONS.put("A", "Disclose the error to the patient");
        OPTIONS.put("B", "Tell the attending that he cannot fail to disclose this mistake");
        OPTIONS.put("C", "Report the physician to the ethics committee");
        OPTIONS.put("D", "Refuse to dictate the operative report");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Answer: C                                                                 | C
            answer: b                                                                 | B
            Final answer: (D)                                                         | D
            **Answer:** A                                                             | A
            Answer: **B**                                                             | B
            ANSWER: [C]                                                               | C
            The patient needs honesty. Answer: B. Tell the attending                  | B
            Reasoning first. Answer: A\\nWait, reconsider. Answer: D                   | D
            The answer is C.                                                          | C
            The correct answer is (B)                                                 | B
            So the best option is D, because the report matters.                      | D
            The most likely answer would be **A**                                     | A
            I would choose B.                                                         | B
            I'd go with option C here.                                                | C
            Option D is correct.                                                      | D
            (A) is the right answer                                                   | A
            B is correct because disclosure is required.                              | B
            **C**                                                                     | C
            The key point: **(D)** dictating is refused                               | D
            \\boxed{B}                                                                 | B
            B. Tell the attending that he cannot fail to disclose this mistake        | B
            (C) Report the physician to the ethics committee                          | C
            A) Disclose                                                               | A
            D                                                                         | D
            I think they should report the physician to the ethics committee.          | C
            Best to tell the attending that he cannot fail to disclose this mistake.  | B
            After weighing it, my pick is (A)                                         | A
            A patient came in. Considering everything the choice is clear: D          | D
            <think>Answer: A looks wrong</think>Answer: C                             | C
            **Answer: D**                                                             | D
            Correct answer: C                                                         | C
            The final answer is $\\boxed{A}$                                          | A
            Answer: (B) Tell the attending that he cannot fail to disclose            | B
            The answer is: **B. Tell the attending**                                  | B
            """)
    void extracts_the_chosen_letter_from_many_shapes(String reply, String expected) {
        assertThat(AnswerExtractor.extract(reply.replace("\\n", "\n"), OPTIONS)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            A patient with this presentation needs careful thought.
            I am not sure.
            Answer: E
            It could be any of them
            """)
    void finds_nothing_when_no_option_is_chosen(String reply) {
        assertThat(AnswerExtractor.extract(reply, OPTIONS)).isEmpty();
    }

    @Test
    void empty_and_null_replies_give_nothing() {
        assertThat(AnswerExtractor.extract("", OPTIONS)).isEmpty();
        assertThat(AnswerExtractor.extract(null, OPTIONS)).isEqualTo(Optional.empty());
    }

    @Test
    void an_option_inside_another_option_does_not_count_twice() {
        Map<String, String> opts = Map.of("A", "Aspirin", "B", "Aspirin and clopidogrel", "C", "Heparin");
        assertThat(AnswerExtractor.extract("Start aspirin and clopidogrel now.", opts)).contains("B");
    }

    @Test
    void two_option_texts_without_a_letter_are_ambiguous() {
        Map<String, String> opts = Map.of("A", "Aspirin", "B", "Heparin", "C", "Warfarin");
        assertThat(AnswerExtractor.extract("Either aspirin or heparin might do.", opts)).isEmpty();
    }

    @Test
    void five_option_questions_accept_e() {
        Map<String, String> opts = Map.of("A", "a1", "B", "b1", "C", "c1", "D", "d1", "E", "e1");
        assertThat(AnswerExtractor.extract("Answer: E", opts)).contains("E");
    }
}
