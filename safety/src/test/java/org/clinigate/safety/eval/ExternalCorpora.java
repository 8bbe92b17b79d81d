package org.clinigate.safety.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Verdict;

/**
 * Over-refusal of the input rails on public corpora this project did not write, read from the shared reference
 * data when it is there (benchmarks only; tests never read it): MedQA and PubMedQA questions (clinical and research
 * questions, all expected to pass), primock57 consultation transcripts (a patient's own words, pasted as a document
 * to summarise), and the HealthBench sample prompts (printed one by one with their theme, as they carry no label of
 * ours).
 */
final class ExternalCorpora {

    private static final Pattern TEXTGRID = Pattern.compile("^\\s*text = \"(.*)\"\\s*$", Pattern.MULTILINE);
    private final ObjectMapper json = new ObjectMapper();
    private final Path data;

    ExternalCorpora(Path data) {
        this.data = data;
    }

    void run(Rail input) throws IOException {
        if (!Files.isDirectory(data)) {
            System.out.println("\nshared reference data not found at " + data + "; external corpora skipped");
            return;
        }
        System.out.println("\ninput rails on public corpora (expected: pass)");
        refusals("MedQA test questions", medqa(), input, "chat");
        refusals("PubMedQA labelled questions", pubmedqa(), input, "chat");
        List<String> transcripts = primock();
        refusals("primock57 patient transcripts as task note-summary", transcripts, input, "note-summary");
        refusals("primock57 patient transcripts as task chat", transcripts, input, "chat");
        healthbench(input);
    }

    private void refusals(String name, List<String> texts, Rail rail, String task) {
        if (texts.isEmpty()) {
            return;
        }
        int refused = 0;
        TreeMap<String, Integer> byRule = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (String t : texts) {
            Verdict v = rail.check(t, RailContext.of(task));
            if (!(v instanceof Verdict.Pass)) {
                refused++;
                v.flags().stream().map(RailFlag::rule).distinct().forEach(r -> byRule.merge(r, 1, Integer::sum));
                if (examples.size() < 8) {
                    RailFlag f = v.flags().get(0);
                    examples.add(f.rule() + " on \"" + t.substring(Math.max(0, f.start() - 40), Math.min(t.length(),
                            f.end() + 40)).replace('\n', ' ') + "\"");
                }
            }
        }
        System.out.printf(Locale.ROOT, "  %-52s over-refusal %4d/%4d = %.3f  %s%n", name, refused, texts.size(),
                (double) refused / texts.size(), byRule);
        examples.forEach(e -> System.out.println("      " + e));
    }

    private List<String> medqa() throws IOException {
        List<String> out = new ArrayList<>();
        Path f = data.resolve("medqa/phrases_no_exclude_test.jsonl");
        if (Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).get("question").asText());
                }
            }
        }
        return out;
    }

    private List<String> pubmedqa() throws IOException {
        List<String> out = new ArrayList<>();
        Path f = data.resolve("pubmedqa/ori_pqal.json");
        if (Files.isRegularFile(f)) {
            Iterator<JsonNode> it = json.readTree(f.toFile()).elements();
            while (it.hasNext()) {
                out.add(it.next().get("QUESTION").asText());
            }
        }
        return out;
    }

    /** Each consultation's patient side, its utterances joined. */
    private List<String> primock() throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = data.resolve("primock57/transcripts");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("_patient.TextGrid")).sorted().toList()) {
                StringBuilder sb = new StringBuilder();
                Matcher m = TEXTGRID.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).isBlank()) {
                        sb.append(m.group(1)).append(' ');
                    }
                }
                out.add(sb.toString().strip());
            }
        }
        return out;
    }

    private void healthbench(Rail rail) throws IOException {
        Path dir = data.resolve("healthbench-sample");
        if (!Files.isDirectory(dir)) {
            return;
        }
        System.out.println("  HealthBench sample prompts (no labels of ours: verdict, theme, prompt start)");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode d = json.readTree(f.toFile());
                String prompt = "";
                for (JsonNode m : d.get("prompt")) {
                    if (m.get("role").asText().equals("user")) {
                        prompt = m.get("content").asText();
                    }
                }
                Verdict v = rail.check(prompt, RailContext.of("chat"));
                String theme = d.get("example_tags").toString();
                System.out.printf(Locale.ROOT, "    %-5s %-38s %s | %s%n", v.label(), v.flags().stream().map(
                        RailFlag::rule).distinct().toList(), theme, prompt.substring(0, Math.min(90, prompt.length()))
                                .replace('\n', ' '));
            }
        }
    }
}
