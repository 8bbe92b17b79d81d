package org.clinigate.safety.rules;

import java.util.function.Consumer;

/**
 * The code behind a rule: finds what the rule looks for in one {@link Inspection} and reports each find as a {@link
 * Hit}. A detector is built once from its rule's YAML parameters by a {@link Detectors.Factory}, is immutable and
 * thread safe, and never throws on any text; analyses shared by several rules are memoised on the inspection.
 */
@FunctionalInterface
public interface Detector {

    /** Reports each hit to {@code out}, in any order. */
    void detect(Inspection in, Consumer<Hit> out);
}
