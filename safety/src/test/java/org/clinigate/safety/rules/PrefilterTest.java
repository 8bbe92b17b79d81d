package org.clinigate.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinigate.core.rails.RailContext;
import org.clinigate.safety.eval.InputCorpus;
import org.clinigate.safety.eval.WorstCaseModel;
import org.clinigate.safety.text.Folding;
import org.junit.jupiter.api.Test;

class PrefilterTest {

    @Test
    void finds_the_required_literals_of_simple_patterns() {
        assertThat(Prefilter.required("\\bchest\\b.{0,40}?\\bpain")).containsExactly("chest");
        assertThat(Prefilter.required("\\b(?:throat|tongue|lips?)\\s+closing")).containsExactly("closing");
        assertThat(Prefilter.required("\\b(?:throat|tongue|lips?)\\b")).containsExactlyInAnyOrder("throat", "tongue",
                "lip");
        assertThat(Prefilter.required("\\bsweat\\w*|\\bclammy\\b")).containsExactlyInAnyOrder("sweat", "clammy");
    }

    @Test
    void gives_up_rather_than_guess() {
        assertThat(Prefilter.required("\\b(?:i|me)\\b")).isNull();
        assertThat(Prefilter.required("[a-z]+ing")).containsExactly("ing");
        assertThat(Prefilter.required("[a-z]+in")).isNull();
        assertThat(Prefilter.required("(?:optional)?\\bx")).isNull();
        assertThat(Prefilter.required("(?=look)ahead")).containsExactly("ahead");
        assertThat(Prefilter.required("\\Qquoted\\E")).isNull();
        assertThat(Prefilter.required("(a)\\1")).isNull();
        assertThat(Prefilter.of(List.of("\\bword\\b", "\\b(?:i|me)\\b"))).isNull();
    }

    /** Every bundled pattern, over every text the project has: a match never hides behind a failed prefilter. */
    @Test
    void never_rejects_a_text_its_pattern_matches() throws Exception {
        List<String> patterns = new ArrayList<>();
        for (String r : new String[]{RuleSetLoader.INPUT_RESOURCE, RuleSetLoader.OUTPUT_RESOURCE}) {
            try (InputStream in = getClass().getResourceAsStream(r)) {
                collect(new ObjectMapper(new YAMLFactory()).readTree(in), patterns);
            }
        }
        List<String> texts = new ArrayList<>();
        InputCorpus.load("/org/clinigate/safety/corpus/input-dev.tsv").forEach(c -> texts.add(c.text()));
        InputCorpus.load("/org/clinigate/safety/corpus/input-holdout.tsv").forEach(c -> texts.add(c.text()));
        WorstCaseModel m = new WorstCaseModel(11);
        m.dangerous(240).forEach(o -> texts.add(o.text()));
        m.safe(240).forEach(o -> texts.add(o.text()));
        int checked = 0;
        int withPrefilter = 0;
        for (String p : patterns) {
            Set<String> words = Prefilter.required(p);
            if (words == null) {
                continue;
            }
            withPrefilter++;
            Prefilter f = Prefilter.of(List.of(p));
            Pattern compiled = Pattern.compile(p);
            for (String t : texts) {
                String folded = Folding.fold(t);
                if (compiled.matcher(folded).find()) {
                    checked++;
                    assertThat(f.mayMatch(folded)).as(p).isTrue();
                    assertThat(f.mayMatch(new Inspection(t, RailContext.of("chat")))).as(p).isTrue();
                }
            }
        }
        assertThat(withPrefilter).isGreaterThan(patterns.size() / 2);
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void trigram_index_never_denies_a_substring_and_rejects_absent_words() {
        String text = "My husband's chest feels tight and he is grey and clammy; SpO2 88% at 02:10.";
        Inspection in = new Inspection(text, RailContext.of("chat"));
        String folded = Folding.fold(text);
        for (int i = 0; i < folded.length(); i++) {
            for (int j = i + 1; j <= Math.min(folded.length(), i + 12); j++) {
                assertThat(in.mayContain(folded.substring(i, j))).isTrue();
            }
        }
        assertThat(in.mayContain("anaphylaxis")).isFalse();
        assertThat(in.mayContain("suicid")).isFalse();
        assertThat(in.mayContain("zz")).isTrue();
    }

    /**
     * A pattern without leading literals runs a regex at every position of every text its prefilter lets through; one
     * such pattern, whose drug names most texts contain, cost the input rail about 0.5 ms at p95 per 2 KB. This keeps
     * them out of the input rule set (the one exception, a chat-template marker with an inline flag, is cheap: its
     * literals almost never occur).
     */
    @Test
    void every_input_pattern_starts_with_a_leading_literal() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream(RuleSetLoader.INPUT_RESOURCE)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> patterns = new ArrayList<>();
        root.get("cues").forEach(list -> list.forEach(p -> patterns.add(p.asText())));
        anyLists(root.get("rules"), patterns);
        assertThat(patterns).hasSizeGreaterThan(250);
        assertThat(patterns.stream().filter(p -> Leads.of(p) == null && !p.startsWith("<\\|?im_start"))).isEmpty();
    }

    private static void anyLists(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("any") && e.getValue().isArray()) {
                    e.getValue().forEach(v -> out.add(v.asText()));
                } else {
                    anyLists(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(v -> anyLists(v, out));
        }
    }

    static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                boolean list = Set.of("any", "not-after", "not-before", "pattern").contains(e.getKey()) || e.getValue()
                        .isArray() && e.getValue().size() > 0 && e.getValue().get(0).isTextual();
                if (list && e.getValue().isArray() && !e.getKey().equals("tasks")) {
                    e.getValue().forEach(v -> out.add(v.asText()));
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(v -> collect(v, out));
        }
    }
}
