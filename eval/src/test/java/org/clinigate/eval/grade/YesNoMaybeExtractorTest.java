package org.clinigate.eval.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YesNoMaybeExtractorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Answer: yes                                        | yes
            The data are mixed.\\nAnswer: Maybe                 | maybe
            **Answer:** No                                     | no
            The answer is no, since the trial was negative.    | no
            Yes, mitochondria play a role.                     | yes
            Reasoning here.\\n\\nmaybe                           | maybe
            Answer: no\\nOn reflection... Answer: yes           | yes
            """)
    void reads_yes_no_and_maybe(String reply, String expected) {
        assertThat(YesNoMaybeExtractor.extract(reply.replace("\\n", "\n"))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            It is unclear from the abstract.
            Not enough data to say
            """)
    void finds_nothing_without_a_verdict(String reply) {
        assertThat(YesNoMaybeExtractor.extract(reply)).isEmpty();
    }
}
