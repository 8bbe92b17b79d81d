package org.clinigate.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Every schema refused here would abort the JVM inside llama.cpp's converter, so a passing run of this class is
 * itself evidence that the guard runs first.
 */
class SchemaGuardTest {

    @Test
    void admits_the_schemas_clinical_tasks_use() {
        String note = """
                {"type":"object","title":"Note","properties":{
                  "summary":{"type":"string","maxLength":400},
                  "sections":{"type":"array","minItems":1,"maxItems":8,"items":{"$ref":"#/$defs/section"}},
                  "urgency":{"enum":["routine","urgent"]},
                  "age":{"type":"integer","minimum":0,"maximum":120},
                  "confidence":{"type":["number","null"]},
                  "seen":{"type":"string","format":"date"}},
                 "required":["summary","sections"],"additionalProperties":false,
                 "$defs":{"section":{"type":"object","properties":{"heading":{"type":"string"}},"required":["heading"]}}}
                """;
        assertThat(SchemaGuard.check(note)).startsWith("{").contains("\"$defs\"");
        assertThat(new Grammars().forSchema(note)).contains("root ::=");
        assertThat(new Grammars().anyObject()).contains("root ::=");
        // White space between JSON tokens is one optional space, not up to two newlines and twenty blanks.
        assertThat(new Grammars().forSchema(note)).contains("space ::= | \" \"").doesNotContain("\\n\"{1,2}");
        assertThat(new Grammars().forSchema(note)).contains("char{0,400}");
    }

    @Test
    void refuses_schemas_that_would_abort_the_native_converter() {
        String[] bad = {"{bad json", "[1,2]", "{\"$ref\":\"#/nope\"}", "{\"$ref\":\"https://example.org/s.json\"}",
                "{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}", "{\"type\":\"strnig\"}", "{\"type\":7}",
                "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}]}",
                "{\"type\":\"string\",\"format\":5}", "{\"type\":\"array\",\"minItems\":\"2\"}",
                "{\"type\":\"integer\",\"minimum\":1.5}", "{\"description\":\"only words\"}",
                "{\"allOf\":[{\"type\":\"object\"}]}", "{\"type\":\"object\",\"properties\":{\"a\":3}}",
                "{\"enum\":[]}", "{\"type\":\"object\",\"required\":[1]}", deep(40)};
        for (String schema : bad) {
            assertThatThrownBy(() -> SchemaGuard.check(schema)).as(schema).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_2001));
        }
    }

    @Test
    void error_messages_name_keywords_but_never_schema_values() {
        assertThatThrownBy(() -> SchemaGuard.check("{\"Zxqwerty Canarion\":1}")).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Zxqwerty"));
        assertThatThrownBy(() -> SchemaGuard.check("{\"x\": Zxqwerty}")).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Zxqwerty"))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    private static String deep(int depth) {
        return "{\"type\":\"array\",\"items\":".repeat(depth) + "{\"type\":\"string\"}" + "}".repeat(depth);
    }
}
