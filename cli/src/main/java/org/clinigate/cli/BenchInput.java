package org.clinigate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Texts for a benchmark run from the user's own corpus: the {@code text} fields of a JSONL file, a
 * plain-text file, or every such file in a folder (JSON files contribute their {@code note} or
 * {@code text} field). Malformed JSON lines are skipped: a benchmark measures, it does not validate.
 */
final class BenchInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchInput() {
    }

    static List<String> read(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    readFile(f, out);
                }
            }
        } else {
            readFile(path, out);
        }
        return out;
    }

    private static void readFile(Path f, List<String> out) throws IOException {
        String name = f.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                textOf(line, out);
            }
        } else if (name.endsWith(".json")) {
            textOf(Files.readString(f, StandardCharsets.UTF_8), out);
        } else if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".TextGrid")) {
            out.add(Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    private static void textOf(String json, List<String> out) {
        try {
            JsonNode n = JSON.readTree(json);
            for (String field : List.of("text", "note")) {
                if (n != null && n.path(field).isTextual()) {
                    out.add(n.path(field).asText());
                    return;
                }
            }
        } catch (IOException e) {
            // skipped, see the class comment
        }
    }
}
