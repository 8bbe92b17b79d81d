package org.clinigate.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;

class SchemaBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = """
            {"type":"object","properties":{"hpi":{"type":"string"},"assessment":{"type":"string"},
             "plan":{"type":"array","items":{"type":"string"}},"labs":{"type":"array","items":{"type":"string"}},
             "level":{"type":"string","enum":["low","high"]},"kept":{"type":"string","maxLength":50}},
             "required":["hpi","assessment","plan","labs"],"additionalProperties":false}""";

    @Test
    void bounds_fit_inside_the_token_budget_at_three_characters_a_token() throws Exception {
        for (int tokens : new int[]{64, 300, 1024, 4096, 8192}) {
            JsonNode s = JSON.readTree(SchemaBudget.fit(NOTE, tokens));
            JsonNode p = s.path("properties");
            long content = p.path("hpi").path("maxLength").asLong() + p.path("assessment").path("maxLength").asLong();
            for (String list : new String[]{"plan", "labs"}) {
                content += p.path(list).path("maxItems").asLong() * (p.path(list).path("items").path("maxLength")
                        .asLong() + 4);
            }
            assertThat(content).as("tokens %d", tokens).isPositive().isLessThanOrEqualTo(tokens * 3L);
            assertThat(p.path("plan").path("maxItems").asInt()).isBetween(1, SchemaBudget.MAX_ITEMS);
        }
    }

    @Test
    void keeps_stated_bounds_and_enums_and_grows_with_the_budget() throws Exception {
        JsonNode small = JSON.readTree(SchemaBudget.fit(NOTE, 300)).path("properties");
        JsonNode large = JSON.readTree(SchemaBudget.fit(NOTE, 4096)).path("properties");
        assertThat(large.path("kept").path("maxLength").asInt()).isEqualTo(50);
        assertThat(large.path("level").has("maxLength")).isFalse();
        assertThat(large.path("hpi").path("maxLength").asInt()).isGreaterThan(small.path("hpi").path("maxLength")
                .asInt());
        assertThat(large.path("plan").path("maxItems").asInt()).isGreaterThan(small.path("plan").path("maxItems")
                .asInt());
    }

    @Test
    void refuses_a_budget_too_small_for_the_sections() {
        assertThatThrownBy(() -> SchemaBudget.fit(NOTE, 20)).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-2001").hasMessageContaining("max_tokens is too small");
    }
}
