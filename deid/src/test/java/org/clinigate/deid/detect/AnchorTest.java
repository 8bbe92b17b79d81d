package org.clinigate.deid.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.clinigate.deid.lexicon.Lexicons;
import org.clinigate.synth.GoldCorpusGenerator;
import org.clinigate.synth.GoldDocument;
import org.junit.jupiter.api.Test;

/**
 * An anchor is an optimisation and must never change what a rule finds: every anchored rule is
 * compared with the same rule run over every character.
 */
class AnchorTest {

    private static final List<Rule> ANCHORED = PatternRules.all(Lexicons.get()).stream()
            .filter(d -> d instanceof Rule).map(d -> (Rule) d).toList();

    @Test
    void every_pattern_rule_has_an_anchor() {
        assertThat(ANCHORED).hasSizeGreaterThan(40);
        assertThat(ANCHORED).allSatisfy(r -> assertThat(r.anchor()).isNotSameAs(Anchor.EVERYWHERE));
    }

    @Test
    void anchored_rules_find_what_a_full_scan_finds_on_synthetic_notes() {
        for (GoldDocument d : new GoldCorpusGenerator(31_337L).generate(300)) {
            assertSameAsFullScan(d.text());
        }
    }

    @Test
    void anchored_rules_find_what_a_full_scan_finds_on_edge_cases() {
        for (String text : List.of("Seen as of the 14th.", "Admitted on the 2nd, discharged ON THE 5TH.",
                "Lives at 12B-4 Main St.", "12-14 Oak Avenue", "4411B Elm Rd apt 5", "12\tMain St", "12\nMain St",
                "WWW.MERCY-HEALTH.ORG or portal.example.co.uk/login",
                "EXAMPLE.COM, foo.health, bar.community, baz.com5",
                "pacs.cascadevalley.org/viewer?acc=9 and x.io", "120/80 at 12:30, 5.5 mg, 10mg, 300 N. Main Street")) {
            assertSameAsFullScan(text);
        }
    }

    @Property(tries = 300)
    void anchored_rules_find_what_a_full_scan_finds_on_identifier_soup(@ForAll("soup") String text) {
        assertSameAsFullScan(text);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> pieces = Arbitraries.of("MRN", "mrn:", " ", "  ", "\n", ",", ".", "-", "/", ":", "(", ")",
                "+1", "+44", "555", "123", "4567", "02115", "MA", "Ohio", "New York", "03", "14", "2024", "1999", "Mar",
                "March", "on the", "14th", "Dr.", "Street", "St", "Apt", "4B", "P.O. Box", "92", "y/o", "age",
                "is now", "96", "www.", "example.com", "a@b.org", "fe80::1", "10.0.0.1", "AB1234563", "1EG4-TE5-MK73",
                "GB82 WEST 1234 5698 7654 32", "Hauptstrasse", "12", "ssn", "078-05-1120", "4111 1111 1111 1111",
                "policy #", "XK-99-2041", "98.6", "1.5", "10.0.0.1.", "3/14", "03-2024", "120 45 6789", "1E", "91 yo",
                "1HGCM82633A004352", "x123", "Zip", "APO AE", "09012", "born", "1931", "as of the", "ON THE", "since",
                "21st", "12B-4", "B", "\t", "Oak Avenue", "Blvd.", "EXAMPLE.COM", "foo.health", "bar.community",
                ".co.uk",
                "portal", ".org/", "q.d.", "e.g.", "5mg", "12:30");
        return pieces.list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
    }

    private static void assertSameAsFullScan(String text) {
        for (Rule rule : ANCHORED) {
            List<Candidate> anchored = new ArrayList<>();
            rule.detect(new TextView(text), anchored);
            List<Candidate> full = new ArrayList<>();
            rule.at(Anchor.EVERYWHERE).detect(new TextView(text), full);
            assertThat(anchored).as("rule %s", rule.id()).containsAll(full);
        }
    }
}
