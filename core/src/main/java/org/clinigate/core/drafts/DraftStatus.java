package org.clinigate.core.drafts;

/** Where a draft stands: written by a model, then signed by a reviewer (final) or rejected. */
public enum DraftStatus {
    /** Awaiting review; exported only as FHIR status {@code preliminary}. */
    PRELIMINARY,
    /** Signed by a reviewer; the only status that exports as {@code final}. */
    FINAL,
    /** Rejected by a reviewer, with a reason. */
    REJECTED
}
