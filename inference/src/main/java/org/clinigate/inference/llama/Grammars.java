package org.clinigate.inference.llama;

import de.kherud.llama.LlamaModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Turns JSON schemas into GBNF grammars with the binding's {@link LlamaModel#jsonSchemaToGrammar}, after {@link
 * SchemaGuard} has admitted them. Clinical tasks reuse a handful of schemas, so results are cached (bounded).
 * Thread safe.
 */
final class Grammars {

    private static final int MAX_CACHED = 256;
    private static final String ANY_OBJECT = "{\"type\":\"object\"}";

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * The converter lets up to two newlines and twenty tabs or spaces sit between any two JSON tokens. Each of those
     * characters can cost a token, so a model that likes white space spends its budget on it and is cut off inside
     * the JSON. A single optional space keeps the output valid and readable and the budget for content.
     */
    static String compact(String grammar) {
        return grammar.replaceAll("(?m)^space ::= .*$", "space ::= | \" \"");
    }

    /** The grammar for {@code response_format: json_object}. */
    String anyObject() {
        return forSchema(ANY_OBJECT);
    }

    /**
     * @throws ClinigateException {@link ErrorCode#CG_2001} when the schema is outside what the converter accepts
     */
    String forSchema(String schemaJson) {
        String cached = cache.get(schemaJson);
        if (cached != null) {
            return cached;
        }
        String grammar = LlamaModel.jsonSchemaToGrammar(SchemaGuard.check(schemaJson));
        if (grammar == null || grammar.isBlank()) {
            throw new ClinigateException(ErrorCode.CG_2001, "response_format json_schema produced no grammar");
        }
        grammar = compact(grammar);
        if (cache.size() < MAX_CACHED) {
            cache.put(schemaJson, grammar);
        }
        return grammar;
    }
}
