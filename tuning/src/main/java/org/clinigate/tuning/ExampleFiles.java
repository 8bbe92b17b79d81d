package org.clinigate.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Reads user-supplied examples from JSONL. Each line is one of:
 *
 * <pre>
 * {"id": "...", "patientId": "..."?, "messages": [{"role": "system|user|assistant", "content": "..."}, ...]}
 * {"id": "...", "patientId": "..."?, "system": "..."?, "prompt": "...", "response": "..."}
 * </pre>
 *
 * Blank lines are skipped. A bad line fails the whole read with {@code CG-7111} naming the file and line number,
 * never the line's text. Without {@code patientId}, an example is its own split group.
 */
final class ExampleFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleFiles() {
    }

    static List<Example> read(Path file) {
        String name = file.getFileName().toString();
        List<Example> out = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                decoder))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    out.add(parse(line, name, n));
                }
            }
        } catch (CharacterCodingException e) {
            throw new ClinigateException(ErrorCode.CG_1003, name + " is not valid UTF-8");
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read " + name);
        }
        return out;
    }

    static Example parse(String line, String file, int n) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            throw bad(file, n, "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, n, "not a JSON object");
        }
        String id = root.path("id").isValueNode() ? root.path("id").asText() : file + ":" + n;
        String group = root.path("patientId").isTextual()
                ? "patient:" + root.path("patientId").asText()
                : "example:" + file + ":" + n;
        List<Example.Turn> turns = new ArrayList<>();
        try {
            if (root.has("messages")) {
                if (!root.get("messages").isArray()) {
                    throw bad(file, n, "messages must be a list");
                }
                for (JsonNode m : root.get("messages")) {
                    turns.add(new Example.Turn(m.path("role").asText(null), m.path("content").asText(null)));
                }
            } else {
                if (root.path("system").isTextual()) {
                    turns.add(new Example.Turn("system", root.get("system").asText()));
                }
                turns.add(new Example.Turn("user", text(root, "prompt", file, n)));
                turns.add(new Example.Turn("assistant", text(root, "response", file, n)));
            }
            return new Example(id, group, file, turns);
        } catch (ClinigateException e) {
            if (e.code() == ErrorCode.CG_7111 && !e.getMessage().contains(" line ")) {
                throw bad(file, n, e.getMessage().substring(e.getMessage().indexOf(':') + 2));
            }
            throw e;
        }
    }

    private static String text(JsonNode root, String field, String file, int n) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(file, n, "field '" + field + "' is missing (or use 'messages')");
        }
        return v.asText();
    }

    private static ClinigateException bad(String file, int line, String why) {
        return new ClinigateException(ErrorCode.CG_7111, file + " line " + line + ": " + why);
    }
}
