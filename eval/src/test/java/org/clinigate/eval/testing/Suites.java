package org.clinigate.eval.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Suite files written by the tests: nothing here comes from a public benchmark. */
public final class Suites {

    private Suites() {
    }

    /**
     * {@code n} MedMCQA-style questions {@code q001...}: question {@code i} asks "Which letter is number i?" and its
     * answer is letter {@code i % 4}; the specialty alternates between cardiology and neurology.
     */
    public static Path choice(Path dir, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(String.format(Locale.ROOT, "{\"id\":\"q%03d\",\"question\":\"Which letter is number %d?\","
                    + "\"opa\":\"alpha\",\"opb\":\"bravo\",\"opc\":\"charlie\",\"opd\":\"delta\",\"cop\":%d,"
                    + "\"subject_name\":\"%s\",\"topic_name\":\"t%d\"}%n", i, i, i % 4 + 1,
                    i % 2 == 0
                            ? "cardiology"
                            : "neurology",
                    i % 3));
        }
        return write(dir.resolve("choice.jsonl"), b.toString());
    }

    /** The correct letter of question {@code i} of {@link #choice}. */
    public static String letter(int i) {
        return String.valueOf((char) ('A' + i % 4));
    }

    /** The question number in a prompt written for {@link #choice}, or -1. */
    public static int number(String prompt) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Which letter is number (\\d+)\\?").matcher(
                prompt);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The red-team fixture of this module's test resources, copied to {@code dir}. */
    public static Path redTeam(Path dir) {
        try (var in = Suites.class.getResourceAsStream("/suites/redteam-fixture.jsonl")) {
            return write(dir.resolve("redteam-fixture.jsonl"), new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
