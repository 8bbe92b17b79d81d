package org.clinigate.cli.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A synthetic MedMCQA-format suite for benchmarks: question i's answer is letter i mod 4, in 12 specialties. */
final class ChoiceSuite {

    private static final Pattern NUMBER = Pattern.compile("benchmark question number (\\d+)");

    private ChoiceSuite() {
    }

    static Path write(Path file, int n) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(String.format(Locale.ROOT, "{\"id\":\"b%06d\",\"question\":\"A 54-year-old presents with a "
                    + "finding described in benchmark question number %d. Which is the most appropriate next step "
                    + "in management given the history and examination?\",\"opa\":\"Observation and reassurance\","
                    + "\"opb\":\"Start an oral agent\",\"opc\":\"Order imaging\",\"opd\":\"Refer to a specialist\","
                    + "\"cop\":%d,\"subject_name\":\"specialty-%02d\",\"topic_name\":\"topic-%d\"}%n", i, i,
                    i % 4
                            + 1,
                    i % 12, i % 40));
        }
        return Files.writeString(file, b.toString());
    }

    static int number(String prompt) {
        Matcher m = NUMBER.matcher(prompt);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String letter(int i) {
        return String.valueOf((char) ('A' + i % 4));
    }
}
