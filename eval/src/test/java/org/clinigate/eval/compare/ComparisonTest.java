package org.clinigate.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.run.ItemLog;
import org.clinigate.eval.run.ItemRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @TempDir
    Path dir;

    Path run(String name, boolean[] right, int offset) {
        Path d = dir.resolve(name);
        try {
            Files.createDirectories(d);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (ItemLog log = ItemLog.open(d.resolve("items.jsonl"), ItemLog.read(d.resolve("items.jsonl")))) {
            for (int i = 0; i < right.length; i++) {
                log.append(new ItemRecord("q" + (i + offset), Map.of(), "p", "o", List.of(), null, null, Grade.OK,
                        null, Grade.binary("A", right[i]), 1));
            }
        }
        return d;
    }

    @Test
    void mcnemar_on_a_known_table_of_discordant_pairs() {
        // 10 shared items: both right on 2, both wrong on 1, right only in A on 1, right only in B on 6.
        boolean[] a = {true, true, false, true, false, false, false, false, false, false};
        boolean[] b = {true, true, false, false, true, true, true, true, true, true};
        Comparison c = Comparison.of(run("a", a, 0), run("b", b, 0));
        assertThat(c.shared()).isEqualTo(10);
        assertThat(c.binary()).isTrue();
        assertThat(c.aOnly()).isEqualTo(1);
        assertThat(c.bOnly()).isEqualTo(6);
        assertThat(c.mcnemarP()).isCloseTo(0.125, within(1e-12));
        assertThat(c.meanA()).isEqualTo(0.3);
        assertThat(c.meanB()).isEqualTo(0.8);
        assertThat(c.paired().difference().estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(c.table()).contains("McNemar exact p").contains("0.1250");
        assertThat(c.toJson()).contains("\"mcnemar_p\" : 0.125");
    }

    @Test
    void only_shared_ids_are_paired_and_disjoint_runs_are_refused() {
        Comparison c = Comparison.of(run("a", new boolean[]{true, true, true}, 0), run("b", new boolean[]{false,
                false, false}, 1));
        assertThat(c.shared()).isEqualTo(2);
        assertThat(c.onlyA()).isEqualTo(1);
        assertThat(c.onlyB()).isEqualTo(1);
        assertThatThrownBy(() -> Comparison.of(run("x", new boolean[]{true}, 0), run("y", new boolean[]{true}, 5)))
                .hasMessageStartingWith("CG-7004");
        assertThatThrownBy(() -> Comparison.of(dir.resolve("none"), dir.resolve("none"))).hasMessageStartingWith(
                "CG-7004");
    }
}
