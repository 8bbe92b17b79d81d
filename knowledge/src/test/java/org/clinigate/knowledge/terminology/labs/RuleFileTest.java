package org.clinigate.knowledge.terminology.labs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleFileTest {

    static final String GOOD_RULE = """
              - id: r1
                description: d
                when: {icd10cm: [E11]}
                requires: [hba1c]
                within: P6M
                source: s
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not yaml at all|{{{|is not YAML",
            "no labs|version: '1'\\nrules: []|labs is missing",
            "bad loinc|version: '1'\\nlabs: {hba1c: {name: A1c, loinc: [A1C]}}\\nrules: []|lab hba1c: loinc",
            "period|BASE within: six months|r1: within is not an ISO-8601 period",
            "negative period|BASE within: P-1M|r1: within must be positive",
            "unknown lab|BASE requires: [inr]|r1: requires names a lab",
            "no trigger|BASE when: {}|r1: when names no condition",
            "bad icd|BASE when: {icd10cm: [diabetes]}|r1: when.icd10cm",
            "bad drug|BASE when: {drugs: [{name: warfarin}]}|r1: when.drugs",
            "bad id|BASE id: Bad Id|id must be",
            "no source|BASE source: ''|r1: source is missing"})
    void a_bad_rule_file_names_the_rule_and_the_field(String name, String yaml, String message) throws IOException {
        Path file = dir.resolve(name.replace(' ', '-') + ".yaml");
        Files.writeString(file, yaml.startsWith("BASE ") ? base(yaml.substring(5)) : yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> MissingLabRules.load(file)).hasMessageStartingWith("CG-5102").hasMessageContaining(
                message);
    }

    /** A valid file whose one rule has {@code override} ("field: value") in place of its own field. */
    private static String base(String override) {
        String field = override.substring(0, override.indexOf(':'));
        StringBuilder rule = new StringBuilder();
        for (String line : GOOD_RULE.split("\n")) {
            String trimmed = line.strip().replaceFirst("^- ", "");
            boolean replace = trimmed.startsWith(field + ":");
            String prefix = line.substring(0, line.indexOf(trimmed.charAt(0)));
            rule.append(replace ? prefix + override : line).append('\n');
        }
        return "version: '1'\nlabs:\n  hba1c: {name: A1c, loinc: ['4548-4']}\nrules:\n" + rule;
    }
}
