package org.clinigate.tuning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.Mode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;

/**
 * Enforces de-identification on every example (ADR 0019). Each turn is de-identified with pseudonyms in one scope
 * per example (the same tokens the gateway sends a model, such as {@code [NAME_1]}; the mapping is thrown away),
 * then the detector runs again over the result. An example with any residual detector hit, or holding any known
 * canary value after transformation, is dropped, and only counted: nothing of it is written or logged. The counts
 * go to the dataset card. Not thread safe (it counts); one gate per run.
 */
final class DeidGate {

    private final Deidentifier deid;
    private final List<String> canaries;
    private final DeidPolicy policy = DeidPolicy.of(Mode.PSEUDONYM);
    private final Map<PhiCategory, Integer> removed = new EnumMap<>(PhiCategory.class);
    private final Map<PhiCategory, Integer> residual = new EnumMap<>(PhiCategory.class);
    private int droppedResidual;
    private int droppedCanary;
    private int canariesInInput;
    private int passed;

    /** @param canaries known PHI values planted in the input (case-insensitive); none may reach the output */
    DeidGate(Deidentifier deid, List<String> canaries) {
        this.deid = deid;
        this.canaries = canaries.stream().filter(c -> !c.isBlank()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }

    /** The de-identified example, or empty when it must be dropped. */
    Optional<Example> pass(Example example) {
        List<String> texts = example.turns().stream().map(Example.Turn::content).toList();
        return clean(texts).map(out -> {
            List<Example.Turn> turns = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                turns.add(new Example.Turn(example.turns().get(i).role(), out.get(i)));
            }
            return example.withTurns(turns);
        });
    }

    /**
     * The texts of one record de-identified in one pseudonym scope, or empty when the record must be dropped: a
     * residual detector hit or a canary in any of them. Null texts stay null.
     */
    Optional<List<String>> clean(List<String> texts) {
        PhiMap scope = PhiMap.create("finetune");
        List<String> out = new ArrayList<>();
        Map<PhiCategory, Integer> found = new EnumMap<>(PhiCategory.class);
        boolean canaryIn = false;
        for (String t : texts) {
            if (t == null) {
                out.add(null);
                continue;
            }
            canaryIn |= holdsCanary(t);
            Deidentified d = deid.deidentify(t, policy, scope);
            d.spans().forEach(s -> found.merge(s.category(), 1, Integer::sum));
            out.add(d.text());
        }
        if (canaryIn) {
            canariesInInput++;
        }
        List<PhiSpan> left = new ArrayList<>();
        boolean canaryOut = false;
        for (String t : out) {
            if (t != null) {
                left.addAll(deid.detect(t));
                canaryOut |= holdsCanary(t);
            }
        }
        if (!left.isEmpty() || canaryOut) {
            left.forEach(s -> residual.merge(s.category(), 1, Integer::sum));
            if (canaryOut) {
                droppedCanary++;
            } else {
                droppedResidual++;
            }
            return Optional.empty();
        }
        found.forEach((k, v) -> removed.merge(k, v, Integer::sum));
        passed++;
        return Optional.of(java.util.Collections.unmodifiableList(out));
    }

    boolean holdsCanary(String text) {
        if (canaries.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return canaries.stream().anyMatch(lower::contains);
    }

    DeidReport report() {
        return new DeidReport(removed, residual, droppedResidual, droppedCanary, canaries.size(), canariesInInput,
                passed);
    }
}
