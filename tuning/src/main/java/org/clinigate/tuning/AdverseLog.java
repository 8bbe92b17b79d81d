package org.clinigate.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.Deidentifier;

/**
 * {@code clinigate finetune adverse}: the outputs that went wrong, as de-identified JSONL for prompt and adapter
 * tuning. From drafts: every rejected draft and every draft carrying rail flags. From eval runs ({@code
 * DIR/items.jsonl}): every item with rail rules fired, an input or output verdict other than pass, or a failed
 * grade ({@code correct} false, or a score below 0.5). Each record's texts pass the same {@link DeidGate} as
 * training data; a record with a residual hit or canary is dropped and counted. One line per record:
 *
 * <pre>
 * {"source": "draft"|"eval", "id", "task"|"run", "reasons": [...], "flags": [...], "prompt", "output",
 *  "final"?, "reject_reason"?, "grade"?}
 * </pre>
 */
public final class AdverseLog {

    /**
     * @param fromDrafts adverse drafts found
     * @param fromEval adverse eval items found
     * @param written records written
     * @param deid what de-identification removed and dropped
     */
    public record Report(int fromDrafts, int fromEval, int written, DeidReport deid) {
    }

    private final Deidentifier deid;

    public AdverseLog(Deidentifier deid) {
        this.deid = deid;
    }

    public Report write(Path out, List<Draft> drafts, Function<Draft, Optional<String>> inputOf, List<Path> evalRuns,
            List<String> canaries) {
        DeidGate gate = new DeidGate(deid, canaries);
        StringBuilder sb = new StringBuilder();
        int nDrafts = 0;
        int nEval = 0;
        int written = 0;
        for (Draft d : drafts) {
            List<String> reasons = new ArrayList<>();
            if (d.status() == DraftStatus.REJECTED) {
                reasons.add("rejected");
            }
            if (!d.flags().isEmpty()) {
                reasons.add("flagged");
            }
            if (reasons.isEmpty()) {
                continue;
            }
            nDrafts++;
            String input = inputOf.apply(d).orElse(null);
            Optional<List<String>> t = gate.clean(Arrays.asList(input, d.originalText(),
                    d.status() == DraftStatus.FINAL && d.edited() ? d.text() : null, d.rejectReason()));
            if (t.isPresent()) {
                ObjectNode n = Finetune.JSON.createObjectNode().put("source", "draft").put("id", d.id())
                        .put("task", d.task()).put("model", d.model())
                        .put("status", d.status().name().toLowerCase(Locale.ROOT));
                n.set("reasons", Finetune.JSON.valueToTree(reasons));
                n.set("flags", Finetune.JSON.valueToTree(d.flags()));
                n.put("prompt", t.get().get(0)).put("output", t.get().get(1));
                putIfPresent(n, "final", t.get().get(2));
                putIfPresent(n, "reject_reason", t.get().get(3));
                sb.append(n).append('\n');
                written++;
            }
        }
        for (Path run : evalRuns) {
            for (JsonNode item : items(run)) {
                List<String> reasons = reasons(item);
                if (reasons.isEmpty()) {
                    continue;
                }
                nEval++;
                Optional<List<String>> t = gate.clean(Arrays.asList(item.path("prompt").asText(""),
                        item.path("output").asText("")));
                if (t.isPresent()) {
                    ObjectNode n = Finetune.JSON.createObjectNode().put("source", "eval")
                            .put("id", item.path("id").asText()).put("run", run.getFileName().toString());
                    n.set("reasons", Finetune.JSON.valueToTree(reasons));
                    n.set("flags", rules(item.path("flags")));
                    n.put("prompt", t.get().get(0)).put("output", t.get().get(1));
                    if (item.has("grade")) {
                        n.set("grade", grade(item.get("grade")));
                    }
                    sb.append(n).append('\n');
                    written++;
                }
            }
        }
        AtomicFiles.write(out, sb.toString());
        return new Report(nDrafts, nEval, written, gate.report());
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** Why an eval item is adverse; empty when it is not. */
    static List<String> reasons(JsonNode item) {
        List<String> out = new ArrayList<>();
        JsonNode flags = item.path("flags");
        if (!rules(flags).isEmpty()) {
            out.add("flagged");
        }
        for (String side : List.of("input", "output")) {
            String v = flags.path(side).asText("pass");
            if (!v.isEmpty() && !v.equals("pass")) {
                out.add(side + "-" + v);
            }
        }
        JsonNode g = item.path("grade");
        if (g.path("correct").isBoolean() && !g.path("correct").asBoolean()
                || !g.path("correct").isBoolean() && g.path("score").isNumber() && g.path("score").asDouble() < 0.5
                || g.isBoolean() && !g.asBoolean()) {
            out.add("failed-grade");
        }
        return out;
    }

    /** The rule ids fired: {@code flags} as a list, or its {@code rules} list. */
    private static ArrayNode rules(JsonNode flags) {
        ArrayNode out = Finetune.JSON.createArrayNode();
        JsonNode list = flags.isArray() ? flags : flags.path("rules");
        if (list.isArray()) {
            list.forEach(f -> out.add(f.asText()));
        }
        return out;
    }

    /** The grade's numbers and labels; free text (a grader's explanation) is left out. */
    private static JsonNode grade(JsonNode g) {
        if (!g.isObject()) {
            return g.isValueNode() ? g : Finetune.JSON.nullNode();
        }
        ObjectNode n = Finetune.JSON.createObjectNode();
        for (String f : List.of("status", "correct", "score", "extracted")) {
            if (g.has(f) && g.get(f).isValueNode()) {
                n.set(f, g.get(f));
            }
        }
        return n;
    }

    private static List<JsonNode> items(Path run) {
        Path file = run.resolve("items.jsonl");
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Finetune.JSON.readTree(line);
                    if (node == null || !node.isObject()) {
                        throw new IOException("not an object");
                    }
                    out.add(node);
                } catch (IOException e) {
                    throw new ClinigateException(ErrorCode.CG_7111, run.getFileName() + "/items.jsonl line " + n
                            + ": not a JSON object");
                }
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read items.jsonl in " + run.getFileName());
        }
        return out;
    }
}
