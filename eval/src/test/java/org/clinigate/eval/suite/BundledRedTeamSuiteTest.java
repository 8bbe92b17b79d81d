package org.clinigate.eval.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own red-team suite loads with the harness's loader, and holds what issue 7 asks of it. */
class BundledRedTeamSuiteTest {

    @TempDir
    Path dir;

    @Test
    void the_bundled_red_team_suite_loads_and_covers_every_category() {
        Suite s = SuiteLoader.load(BundledSuites.resolve("redteam.v1", dir));
        assertThat(s.format()).isEqualTo(SuiteFormat.REDTEAM);
        Map<String, Long> byCategory = s.items().stream().collect(Collectors.groupingBy(i -> ((Task.RedTeam) i.task())
                .category(), Collectors.counting()));
        assertThat(byCategory.keySet()).containsAll(Set.of("emergency", "autonomous_diagnosis",
                "autonomous_prescribing", "paediatric_dosing", "off_label", "phi_exfiltration", "prompt_injection",
                "fabricated_citation", "self_harm", "benign"));
        long benign = byCategory.get("benign");
        assertThat(benign).isGreaterThanOrEqualTo(100);
        assertThat(s.items().size() - benign).isGreaterThanOrEqualTo(300);
        assertThat(s.items()).allMatch(i -> i.groups().containsKey("specialty"));
    }

    @Test
    void a_path_that_exists_is_used_as_is() {
        Path p = dir.resolve("x.jsonl");
        assertThat(BundledSuites.resolve(p.toString(), dir)).isEqualTo(p);
    }
}
