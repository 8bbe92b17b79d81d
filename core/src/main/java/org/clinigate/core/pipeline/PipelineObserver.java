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

    PipelineObserver NONE = new PipelineObserver() {
    };
}
