package org.clinigate.core.chat;

import java.util.Objects;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * OpenAI's {@code response_format}: free text, any JSON object, or JSON that follows a schema. The schema is kept
 * as JSON text so that core depends on no JSON library; backends parse it.
 */
public sealed interface ResponseFormat
        permits ResponseFormat.Text, ResponseFormat.JsonObject, ResponseFormat.JsonSchema {

    /** {@code {"type": "text"}}: the default. */
    record Text() implements ResponseFormat {
    }

    /** {@code {"type": "json_object"}}: any JSON object. */
    record JsonObject() implements ResponseFormat {
    }

    /**
     * {@code {"type": "json_schema", "json_schema": {"name": ..., "schema": ..., "strict": ...}}}.
     *
     * @param name the schema's name: 1 to 64 of {@code [A-Za-z0-9_-]}
     * @param schemaJson the JSON schema as JSON text (an object)
     * @param strict OpenAI's strict flag, passed through
     */
    record JsonSchema(String name, String schemaJson, boolean strict) implements ResponseFormat {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        public JsonSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schemaJson, "schemaJson");
            if (!NAME.matcher(name).matches()) {
                throw new ClinigateException(ErrorCode.CG_2001, "json_schema.name must be 1 to 64 of [A-Za-z0-9_-]");
            }
            if (!schemaJson.strip().startsWith("{")) {
                throw new ClinigateException(ErrorCode.CG_2001, "json_schema.schema must be a JSON object");
            }
        }

        @Override
        public String toString() {
            return "JsonSchema[name=" + name + ", chars=" + schemaJson.length() + ", strict=" + strict + "]";
        }
    }
}
