package org.clinigate.core.quota;

import java.util.Objects;

/**
 * The answer of {@link Quotas#admit}.
 *
 * @param allowed whether the request may go on
 * @param limit which limit refused it, for example {@code tenant requests per minute}; null when allowed
 * @param retryAfterSeconds whole seconds until a retry can succeed, at least 1 when refused; 0 when allowed
 */
public record Admission(boolean allowed, String limit, long retryAfterSeconds) {

    /** Allowed. */
    public static final Admission ALLOWED = new Admission(true, null, 0);

    public Admission {
        if (!allowed) {
            Objects.requireNonNull(limit, "limit");
            if (retryAfterSeconds < 1) {
                throw new IllegalArgumentException("a refusal says when to retry, at least 1 s");
            }
        }
    }

    /** Refused by {@code limit}; retry after {@code nanos}, rounded up to whole seconds. */
    public static Admission refused(String limit, long nanos) {
        return new Admission(false, limit, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
