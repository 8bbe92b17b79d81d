package org.clinigate.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one suite record (a JSON object) into an {@link Item}, per format. Fails with {@link FieldException}. */
final class ItemParsers {

    private ItemParsers() {
    }

    /** The format a record looks like, from its field names; null when none fits. */
    static SuiteFormat detect(JsonNode n) {
        if (n.has("rubrics") && n.has("prompt")) {
            return SuiteFormat.HEALTHBENCH;
        }
        if (n.has("expected") && n.has("category") && n.has("prompt")) {
            return SuiteFormat.REDTEAM;
        }
        if (n.has("opa") && n.has("cop")) {
            return SuiteFormat.MEDMCQA;
        }
        if (n.has("options") && n.has("answer_idx")) {
            return SuiteFormat.MEDQA;
        }
        if ((n.has("final_decision") || n.has("QUESTION")) && (n.has("question") || n.has("QUESTION"))) {
            return SuiteFormat.PUBMEDQA;
        }
        if (n.has("sources") && n.has("question")) {
            return SuiteFormat.RAG;
        }
        if (n.has("source") && (n.has("sections") || n.has("reference"))) {
            return SuiteFormat.SUMMARY;
        }
        return null;
    }

    /**
     * Parses one record. {@code row} is its 1-based position among the suite's records, used for ids in formats that
     * have none (MedQA).
     */
    static Item parse(SuiteFormat format, JsonNode n, int row, int line, MedMcqaBase base) {
        if (!n.isObject()) {
            throw new FieldException("(record)", "must be a JSON object");
        }
        return switch (format) {
            case MEDQA -> medqa(n, row, line);
            case MEDMCQA -> medmcqa(n, row, line, base);
            case PUBMEDQA -> pubmedqa(n, Fields.optionalText(n, "pubid"), row, line);
            case HEALTHBENCH -> healthbench(n, row, line);
            case SUMMARY -> summary(n, row, line);
            case RAG -> rag(n, row, line);
            case REDTEAM -> redteam(n, line);
        };
    }

    /** MedMCQA's {@code cop} is 1-based in the official release and 0-based on Hugging Face; the loader decides. */
    enum MedMcqaBase {
        ONE, ZERO
    }

    private static String id(JsonNode n, String prefix, int row) {
        String id = Fields.optionalText(n, "id");
        return id != null ? id : String.format(Locale.ROOT, "%s-%05d", prefix, row);
    }

    private static Item medqa(JsonNode n, int row, int line) {
        JsonNode opts = Fields.object(n, "options");
        Map<String, String> options = new LinkedHashMap<>();
        opts.properties().forEach(e -> {
            if (!e.getKey().matches("[A-J]") || !e.getValue().isTextual()) {
                throw new FieldException("options", "must map letters A-J to strings");
            }
            options.put(e.getKey(), e.getValue().asText());
        });
        String answer = Fields.text(n, "answer_idx").trim().toUpperCase(Locale.ROOT);
        if (!options.containsKey(answer)) {
            throw new FieldException("answer_idx", "must name one of the options");
        }
        Map<String, String> groups = new HashMap<>();
        String meta = Fields.optionalText(n, "meta_info");
        if (meta != null) {
            groups.put("topic", meta);
        }
        copyGroups(n, groups);
        return new Item(id(n, "medqa", row), new Task.MultipleChoice(Fields.text(n, "question"), options, answer),
                groups, line);
    }

    private static Item medmcqa(JsonNode n, int row, int line, MedMcqaBase base) {
        Map<String, String> options = new LinkedHashMap<>();
        String[] keys = {"opa", "opb", "opc", "opd"};
        for (int i = 0; i < keys.length; i++) {
            options.put(String.valueOf((char) ('A' + i)), Fields.text(n, keys[i]));
        }
        String answer = medmcqaAnswer(n.get("cop"), base);
        Map<String, String> groups = new HashMap<>();
        String subject = Fields.optionalText(n, "subject_name");
        if (subject != null) {
            groups.put("specialty", subject);
        }
        String topic = Fields.optionalText(n, "topic_name");
        if (topic != null) {
            groups.put("topic", topic);
        }
        copyGroups(n, groups);
        return new Item(id(n, "medmcqa", row), new Task.MultipleChoice(Fields.text(n, "question"), options, answer),
                groups, line);
    }

    private static String medmcqaAnswer(JsonNode cop, MedMcqaBase base) {
        if (cop == null || cop.isNull()) {
            throw new FieldException("cop", "is missing");
        }
        if (cop.isTextual() && cop.asText().trim().matches("(?i)[a-d]")) {
            return cop.asText().trim().toUpperCase(Locale.ROOT);
        }
        int k;
        try {
            k = Integer.parseInt(cop.asText().trim());
        } catch (NumberFormatException e) {
            throw new FieldException("cop", "must be 1-4 (or 0-3) or a letter a-d");
        }
        int index = base == MedMcqaBase.ZERO ? k : k - 1;
        if (index < 0 || index > 3) {
            throw new FieldException("cop", "must be 1-4 (or 0-3) or a letter a-d");
        }
        return String.valueOf((char) ('A' + index));
    }

    /** PubMedQA from JSONL (question, context.contexts or contexts, final_decision) or one labelled-set entry. */
    static Item pubmedqa(JsonNode n, String pmid, int row, int line) {
        boolean upper = n.has("QUESTION");
        String question = Fields.text(n, upper ? "QUESTION" : "question");
        JsonNode ctx = upper
                ? n.get("CONTEXTS")
                : n.has("contexts")
                        ? n.get("contexts")
                        : n.path("context")
                                .get("contexts");
        String field = upper ? "CONTEXTS" : "contexts";
        if (ctx == null || !ctx.isArray()) {
            throw new FieldException(field, "must be an array of strings");
        }
        String answer = Fields.text(n, "final_decision").trim().toLowerCase(Locale.ROOT);
        if (!List.of("yes", "no", "maybe").contains(answer)) {
            throw new FieldException("final_decision", "must be yes, no or maybe");
        }
        Map<String, String> groups = new HashMap<>();
        copyGroups(n, groups);
        String id = pmid != null ? pmid : id(n, "pubmedqa", row);
        return new Item(id, new Task.YesNoMaybe(question, Fields.texts(ctx, field), answer), groups, line);
    }

    private static Item healthbench(JsonNode n, int row, int line) {
        List<Task.Turn> turns = new ArrayList<>();
        for (JsonNode m : Fields.array(n, "prompt")) {
            String role = m.path("role").asText("");
            if (!List.of("system", "user", "assistant").contains(role) || !m.path("content").isTextual()) {
                throw new FieldException("prompt", "must hold {role: system|user|assistant, content: string}");
            }
            turns.add(new Task.Turn(role, m.get("content").asText()));
        }
        List<Task.Criterion> criteria = new ArrayList<>();
        for (JsonNode r : Fields.array(n, "rubrics")) {
            JsonNode points = r.get("points");
            if (points == null || !points.isNumber() || points.asDouble() == 0) {
                throw new FieldException("rubrics.points", "must be a non-zero number");
            }
            List<String> tags = r.has("tags") ? Fields.texts(r.get("tags"), "rubrics.tags") : List.of();
            criteria.add(new Task.Criterion(Fields.text(r, "criterion"), points.asDouble(), tags));
        }
        if (criteria.stream().noneMatch(c -> c.points() > 0)) {
            throw new FieldException("rubrics", "must hold at least one criterion with positive points");
        }
        Map<String, String> groups = new HashMap<>();
        if (n.has("example_tags")) {
            for (String tag : Fields.texts(n.get("example_tags"), "example_tags")) {
                int colon = tag.indexOf(':');
                if (colon > 0) {
                    groups.putIfAbsent(tag.substring(0, colon), tag.substring(colon + 1));
                }
            }
        }
        copyGroups(n, groups);
        String id = Fields.optionalText(n, "prompt_id");
        return new Item(id != null ? id : id(n, "healthbench", row), new Task.Rubric(turns, criteria), groups, line);
    }

    private static Item summary(JsonNode n, int row, int line) {
        List<String> sections = n.has("sections") ? Fields.texts(n.get("sections"), "sections") : List.of();
        Map<String, String> groups = new HashMap<>();
        copyGroups(n, groups);
        return new Item(id(n, "summary", row), new Task.Summary(Fields.text(n, "source"), sections,
                Fields.optionalText(n, "reference")), groups, line);
    }

    private static Item rag(JsonNode n, int row, int line) {
        List<Task.Source> sources = new ArrayList<>();
        for (JsonNode s : Fields.array(n, "sources")) {
            String sid = Fields.optionalText(s, "id");
            sources.add(new Task.Source(sid == null ? "source-" + (sources.size() + 1) : sid,
                    Fields.optionalText(s, "title"), Fields.text(s, "text")));
        }
        List<String> answers = new ArrayList<>();
        if (n.has("answers")) {
            answers.addAll(Fields.texts(n.get("answers"), "answers"));
        } else if (Fields.optionalText(n, "answer") != null) {
            answers.add(Fields.optionalText(n, "answer"));
        }
        Map<String, String> groups = new HashMap<>();
        copyGroups(n, groups);
        return new Item(id(n, "rag", row), new Task.RagQa(Fields.text(n, "question"), sources, answers), groups,
                line);
    }

    private static Item redteam(JsonNode n, int line) {
        String id = Fields.text(n, "id");
        String category = Fields.text(n, "category").trim().toLowerCase(Locale.ROOT);
        if (!category.matches("[a-z0-9_\\-]{1,64}")) {
            throw new FieldException("category", "must be a lower-case word such as emergency or benign");
        }
        Task.Expected expected = switch (Fields.text(n, "expected").trim().toLowerCase(Locale.ROOT)) {
            case "refuse" -> Task.Expected.REFUSE;
            case "emergency" -> Task.Expected.EMERGENCY;
            case "disclaimer" -> Task.Expected.DISCLAIMER;
            case "answer" -> Task.Expected.ANSWER;
            default -> throw new FieldException("expected", "must be refuse, emergency, disclaimer or answer");
        };
        Map<String, String> groups = new HashMap<>();
        groups.put("category", category);
        copyGroups(n, groups);
        return new Item(id, new Task.RedTeam(category, Fields.text(n, "prompt"), expected,
                Fields.optionalText(n, "canary")), groups, line);
    }

    /** The grouping fields every format may carry: specialty, and topic where the format has none of its own. */
    private static void copyGroups(JsonNode n, Map<String, String> groups) {
        for (String g : List.of("specialty", "topic")) {
            String v = Fields.optionalText(n, g);
            if (v != null) {
                groups.putIfAbsent(g, v);
            }
        }
    }
}
