package org.clinigate.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Fits a task's output schema to the request's token budget, so that output constrained by the schema can finish
 * inside {@code max_tokens}.
 *
 * <p>A grammar built from a schema without bounds lets a string run until the budget is spent: the model is cut off
 * inside the JSON, and the task fails with a 502. A weak or badly tuned model (and the random-weight test model)
 * rarely chooses to close a string. Bounds turn that into a guarantee of shape: every top-level string gets a
 * {@code maxLength} and every array of strings a {@code maxItems} and an item {@code maxLength}, sized from the budget
 * at {@value #CHARS_PER_TOKEN} characters per token (English text with Gemma's tokenizer averages about four), half to
 * the strings and half to the lists. Bounds the schema already states are kept. A budget too small for even short
 * sections is refused (CG-2001) rather than sent. Stateless and thread safe.
 */
final class SchemaBudget {

    /** Characters a token is assumed to carry. */
    static final int CHARS_PER_TOKEN = 3;
    /** The least a section may be given. */
    static final int MIN_SECTION = 24;
    /** At most this many items per list, however large the budget. */
    static final int MAX_ITEMS = 25;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaBudget() {
    }

    /**
     * The schema with bounds fitted to {@code maxTokens}.
     *
     * @throws ClinigateException {@link ErrorCode#CG_2001} when {@code maxTokens} cannot hold every section
     */
    static String fit(String schemaJson, int maxTokens) {
        ObjectNode schema;
        try {
            schema = (ObjectNode) JSON.readTree(schemaJson);
        } catch (Exception e) {
            throw new IllegalStateException("task schema is not a JSON object", e);
        }
        JsonNode props = schema.path("properties");
        List<ObjectNode> strings = new ArrayList<>();
        List<ObjectNode> lists = new ArrayList<>();
        int structure = 2;
        for (var it = props.fields(); it.hasNext();) {
            var e = it.next();
            structure += e.getKey().length() + 6; // "key": and a comma, quotes around a value
            ObjectNode p = (ObjectNode) e.getValue();
            String type = p.path("type").asText();
            if (type.equals("string") && !p.has("maxLength") && !p.has("enum")) {
                strings.add(p);
            } else if (type.equals("array") && p.path("items").path("type").asText().equals("string")
                    && !p.has("maxItems")) {
                lists.add(p);
            }
        }
        int sections = strings.size() + lists.size();
        if (sections == 0) {
            return schemaJson;
        }
        int chars = maxTokens * CHARS_PER_TOKEN - structure;
        int needed = structure + sections * MIN_SECTION;
        if (chars < sections * MIN_SECTION) {
            throw new ClinigateException(ErrorCode.CG_2001, "max_tokens is too small for this task: it needs at least "
                    + (needed + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
        }
        int forStrings = lists.isEmpty() ? chars : strings.isEmpty() ? 0 : chars / 2;
        int forLists = chars - forStrings;
        for (ObjectNode s : strings) {
            s.put("maxLength", forStrings / strings.size());
        }
        for (ObjectNode l : lists) {
            int share = forLists / lists.size();
            // Roughly 120 characters per item; each item also costs its quotes, comma and space.
            int items = Math.max(1, Math.min(MAX_ITEMS, share / 120));
            l.put("maxItems", items);
            ObjectNode item = (ObjectNode) l.get("items");
            if (!item.has("maxLength")) {
                item.put("maxLength", Math.max(MIN_SECTION - 4, share / items - 4));
            }
        }
        return schema.toString();
    }
}
