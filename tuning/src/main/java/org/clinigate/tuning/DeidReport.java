package org.clinigate.tuning;

import java.util.EnumMap;
import java.util.Map;
import org.clinigate.core.phi.PhiCategory;

/**
 * What de-identification did in one run; counts only, no values.
 *
 * @param removed spans replaced per category, in the examples kept
 * @param residualInDropped detector hits left after transformation per category, in the examples dropped for them
 * @param droppedResidual examples dropped because the detector still found something after transformation
 * @param droppedCanary examples dropped because a canary value survived transformation
 * @param canaries how many canary values the run checked for
 * @param canaryExamplesInInput examples whose input held a canary value
 * @param kept examples that passed
 */
public record DeidReport(Map<PhiCategory, Integer> removed, Map<PhiCategory, Integer> residualInDropped,
        int droppedResidual, int droppedCanary, int canaries, int canaryExamplesInInput, int kept) {

    public DeidReport {
        removed = removed.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(removed));
        residualInDropped = residualInDropped.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(residualInDropped));
    }

    /** Spans removed in all categories. */
    public int removedTotal() {
        return removed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
