package org.clinigate.core.pipeline;

import java.util.Map;
import org.clinigate.core.phi.PhiCategory;

/**
 * Hook for metrics: told what the pipeline found and did, as counts only. Implementations must be
 * thread safe and must not block.
 */
public interface PipelineObserver {

    /** Identifiers replaced in one request's messages, per category. */
    default void phiFound(Map<PhiCategory, Integer> counts) {
    }

    /**
     * Time one stage of a non-streamed call took, in nanoseconds: {@code deid} (de-identification, with the scope read
     * from the vault), {@code rail.input}, {@code backend}, {@code rail.output}, {@code relink}, {@code vault.save}.
     * Where a request's added latency goes, without a profiler.
     */
    default void stage(String stage, long nanos) {
    }

    PipelineObserver NONE = new PipelineObserver() {
    };
}
