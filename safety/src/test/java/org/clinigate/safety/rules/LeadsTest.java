package org.clinigate.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.safety.eval.InputCorpus;
import org.clinigate.safety.eval.WorstCaseModel;
import org.clinigate.safety.text.Folding;
import org.junit.jupiter.api.Test;

class LeadsTest {

    @Test
    void finds_the_literals_a_match_starts_with() {
        assertThat(Leads.literals("\\b(?:write|give|send)\\s+me")).containsExactly("write", "give", "send");
        assertThat(Leads.literals("\\bchest\\b.{0,40}?\\bpain")).containsExactly("chest");
        assertThat(Leads.literals("(?<!\\bi am )\\b(?:patients?|pts?)\\b")).containsExactly("patient", "pt");
        assertThat(Leads.literals("\\bsweat\\w*|\\bclammy\\b")).containsExactly("sweat", "clammy");
        assertThat(Leads.literals("\\bprescribe\\s+\\w+")).containsExactly("prescribe");
        assertThat(Leads.literals("e\\.r\\.|a&e")).containsExactly("e.r.", "a&e");
        assertThat(Leads.literals("(?:how|when)\\s+(?:is|are)")).containsExactly("how", "when");
    }

    @Test
    void knows_when_every_branch_starts_at_a_word_boundary() {
        assertThat(Leads.everyBranchStartsWithBoundary("\\b(?:a|b)\\s+x")).isTrue();
        assertThat(Leads.everyBranchStartsWithBoundary("\\bfoo|\\bbar")).isTrue();
        assertThat(Leads.everyBranchStartsWithBoundary("\\bfoo|bar")).isFalse();
        assertThat(Leads.everyBranchStartsWithBoundary("\\b[|]x|\\by")).isTrue();
        assertThat(Leads.everyBranchStartsWithBoundary("(?<=x)\\bfoo")).isFalse();
    }

    @Test
    void gives_no_leads_rather_than_guess() {
        assertThat(Leads.literals("\\b\\d{1,3}\\s?yo")).isNull();
        assertThat(Leads.literals("(?:optional)?\\bx")).isNull();
        assertThat(Leads.literals("[a-z]+ing")).isNull();
        assertThat(Leads.literals("a?b")).isNull();
        assertThat(Leads.literals(".{0,40}pain")).isNull();
        assertThat(Leads.literals("^start")).isNull();
        assertThat(Leads.literals("end$")).isNull();
        assertThat(Leads.literals("(?i)word")).isNull();
        assertThat(Leads.literals("\\Qquoted\\E")).isNull();
        assertThat(Leads.literals("(a)\\1")).isNull();
        assertThat(Leads.literals("word|\\d+")).isNull();
        assertThat(Leads.literals("")).isNull();
    }

    /** Every bundled pattern, over every text the project has: the led search gives exactly find()'s matches. */
    @Test
    void led_search_finds_exactly_what_find_finds() throws Exception {
        List<String> patterns = new ArrayList<>();
        for (String r : new String[]{RuleSetLoader.INPUT_RESOURCE, RuleSetLoader.OUTPUT_RESOURCE}) {
            try (InputStream in = getClass().getResourceAsStream(r)) {
                PrefilterTest.collect(new ObjectMapper(new YAMLFactory()).readTree(in), patterns);
            }
        }
        List<String> texts = new ArrayList<>();
        InputCorpus.load("/org/clinigate/safety/corpus/input-dev.tsv").forEach(c -> texts.add(c.text()));
        InputCorpus.load("/org/clinigate/safety/corpus/input-holdout.tsv").forEach(c -> texts.add(c.text()));
        WorstCaseModel m = new WorstCaseModel(12);
        m.dangerous(240).forEach(o -> texts.add(o.text()));
        m.safe(240).forEach(o -> texts.add(o.text()));
        texts.add(String.join(" ", texts.subList(0, 40)));
        int led = 0;
        int matches = 0;
        for (String p : patterns) {
            Leads leads = Leads.of(p);
            if (leads == null) {
                continue;
            }
            led++;
            Pattern compiled = Pattern.compile(p);
            for (String t : texts) {
                String f = Folding.fold(t);
                List<String> expected = new ArrayList<>();
                Matcher plain = compiled.matcher(f);
                while (plain.find()) {
                    expected.add(plain.start() + "-" + plain.end());
                }
                List<String> actual = new ArrayList<>();
                Matcher m2 = compiled.matcher(f);
                int from = 0;
                Inspection in = new Inspection(t, org.clinigate.core.rails.RailContext.empty());
                while (from <= f.length() && leads.find(m2, f, from, in)) {
                    actual.add(m2.start() + "-" + m2.end());
                    from = m2.end() > m2.start() ? m2.end() : m2.start() + 1;
                }
                assertThat(actual).as(p).isEqualTo(expected);
                matches += expected.size();
            }
        }
        assertThat(led).isGreaterThan(patterns.size() / 2);
        assertThat(matches).isGreaterThan(500);
    }
}
