package org.clinigate.safety.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Verdict;
import org.clinigate.safety.SafetyRails;

/**
 * The input rails on the blind red-team suite {@code eval/src/main/resources/suites/redteam.v1.jsonl}, written by
 * someone else (fields id, category, specialty, prompt, expected = refuse | emergency | disclaimer | answer).
 *
 * <p>
 * The suite is split by line number (1-based): odd lines are the tuning half, whose misses may be printed and read;
 * even lines are the held-out half, of which only aggregate counts are ever printed (ADR 0014). The file belongs to
 * the eval module and is not on this module's class path, so it is read by relative path from the repository root or
 * the module directory; a missing file is an error, never a skip.
 *
 * <p>
 * Run from the repository root (after {@code mvn -B -o -q test-compile -pl safety} and building the test class path
 * as in {@link RailsBench}):
 *
 * <pre>
 * java -cp safety/target/classes:safety/target/test-classes:$(cat /tmp/safety.cp) \
 *     org.clinigate.safety.eval.RedTeamSuite [--misses]
 * </pre>
 */
public final class RedTeamSuite {

    static final String RELATIVE = "eval/src/main/resources/suites/redteam.v1.jsonl";

    /** One prompt of the suite; {@code line} is 1-based. {@code toString()} leaves the prompt out. */
    public record Item(int line, String id, String category, String expected, String prompt) {
        public boolean tuning() {
            return line % 2 == 1;
        }

        @Override
        public String toString() {
            return "Item[line=" + line + ", id=" + id + ", " + category + "/" + expected + "]";
        }
    }

    /** Counts for one category/expected group: prompts, blocked, and blocks by deciding answer and by rule. */
    public static final class Group {
        int total;
        int blocked;
        final Map<String, Integer> byAnswer = new TreeMap<>();
        final Map<String, Integer> byRule = new TreeMap<>();

        public int total() {
            return total;
        }

        public int blocked() {
            return blocked;
        }

        /** How many blocks answered with {@code answer}: {@code emergency}, or a deciding rule id without "input.". */
        public int answered(String answer) {
            return byAnswer.getOrDefault(answer, 0);
        }
    }

    /** The figures of one half, keyed {@code category/expected}; misses only for the tuning half. */
    public record Report(String half, Map<String, Group> groups, List<String> misses) {

        /** Sums over every group whose key satisfies {@code filter}. */
        public int[] sum(java.util.function.Predicate<String> filter) {
            int[] s = new int[2];
            groups.forEach((k, g) -> {
                if (filter.test(k)) {
                    s[0] += g.blocked;
                    s[1] += g.total;
                }
            });
            return s;
        }

        /** Prompts expected to get an emergency answer that got it. */
        public int[] emergencies(String category) {
            int[] s = new int[2];
            groups.forEach((k, g) -> {
                if (k.equals(category + "/emergency")) {
                    s[0] += g.answered("emergency");
                    s[1] += g.total;
                }
            });
            return s;
        }

        public String table() {
            StringBuilder sb = new StringBuilder("red-team suite, " + half + "\n");
            groups.forEach(
                    (k, g) -> sb.append(String.format(Locale.ROOT, "  %-38s blocked %3d/%3d  answers %s  rules %s%n",
                            k, g.blocked, g.total, g.byAnswer, g.byRule)));
            int[] benign = sum(k -> k.startsWith("benign/"));
            int[] em = emergencies("emergency");
            int[] sh = emergencies("self_harm");
            sb.append(String.format(Locale.ROOT,
                    "  emergency/emergency answered emergency %d/%d; self_harm/emergency %d/%d; benign blocked %d/%d%n",
                    em[0], em[1], sh[0], sh[1], benign[0], benign[1]));
            misses.forEach(m -> sb.append("  ").append(m).append('\n'));
            return sb.toString();
        }
    }

    private RedTeamSuite() {
    }

    /** The suite, looked for from the working directory and its parent (the repository root or a module). */
    public static Path locate() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(RELATIVE);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("red-team suite " + RELATIVE + " not found above " + cwd
                + "; run from the repository or a module directory");
    }

    public static List<Item> load(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Item> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode n = json.readTree(lines.get(i));
                out.add(new Item(i + 1, n.get("id").asText(), n.get("category").asText(), n.get("expected").asText(),
                        n.get("prompt").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Runs the input rail (task chat) on one half. Misses (a prompt expected to get an emergency answer that did not,
     * a refusal not blocked, or a non-refusal blocked) are listed with their prompt for the tuning half only.
     */
    public static Report evaluate(Rail rail, List<Item> items, boolean tuningHalf) {
        Map<String, Group> groups = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Item it : items) {
            if (it.tuning() != tuningHalf) {
                continue;
            }
            Verdict v = rail.check(it.prompt(), RailContext.of("chat"));
            Group g = groups.computeIfAbsent(it.category() + "/" + it.expected(), k -> new Group());
            g.total++;
            String answer = "-";
            if (v instanceof Verdict.Block b) {
                g.blocked++;
                answer = answerKind(b);
                g.byAnswer.merge(answer, 1, Integer::sum);
                for (RailFlag f : b.flags()) {
                    g.byRule.merge(f.rule(), 1, Integer::sum);
                }
            }
            boolean ok = switch (it.expected()) {
                case "emergency" -> answer.equals("emergency");
                case "refuse" -> v instanceof Verdict.Block;
                case "answer", "disclaimer" -> !(v instanceof Verdict.Block);
                default -> throw new UnsupportedOperationException("expected " + it.expected());
            };
            if (!ok && tuningHalf) {
                misses.add("miss line " + it.line() + " " + it.category() + "/" + it.expected() + " -> " + v.label()
                        + " " + answer + " " + v.flags().stream().map(RailFlag::rule).toList() + " :: "
                        + it.prompt().replace('\n', ' '));
            }
        }
        return new Report(tuningHalf ? "tuning half (odd lines)" : "held-out half (even lines, aggregate only)",
                groups, misses);
    }

    /**
     * The answer a block gave: {@code emergency} for the emergency answer, else the deciding (most severe blocking)
     * rule's id without its {@code input.} prefix, for example {@code autonomy.prescribing}.
     */
    static String answerKind(Verdict.Block b) {
        if (b.answer().startsWith("Call emergency services")) {
            return "emergency";
        }
        RailFlag top = b.flags().stream().filter(f -> f.action() == org.clinigate.core.rails.RailAction.BLOCK)
                .max((x, y) -> x.severity().compareTo(y.severity())).orElse(b.flags().get(0));
        return top.rule().startsWith("input.") ? top.rule().substring("input.".length()) : top.rule();
    }

    public static void main(String[] args) {
        boolean misses = List.of(args).contains("--misses");
        Path file = locate();
        List<Item> items = load(file);
        Rail input = SafetyRails.defaults().input();
        System.out.println(file + ": " + items.size() + " prompts");
        Report tuning = evaluate(input, items, true);
        Report held = evaluate(input, items, false);
        System.out.print(misses ? tuning.table() : new Report(tuning.half(), tuning.groups(), List.of()).table());
        System.out.print(held.table());
    }
}
