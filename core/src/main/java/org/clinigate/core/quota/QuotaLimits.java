package org.clinigate.core.quota;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configured limits. A limit of 0 means none. Per-tenant overrides replace the tenant defaults for that tenant;
 * the principal limits apply to every key or token subject alike.
 *
 * @param tenant the default limits of each tenant
 * @param principal the limits of each API key or token subject
 * @param overrides limits for named tenants, replacing {@code tenant}
 */
public record QuotaLimits(Limit tenant, Limit principal, Map<String, Limit> overrides) {

    /**
     * One pair of limits.
     *
     * @param requestsPerMinute requests per minute, 0 for none
     * @param tokensPerMinute prompt plus completion tokens per minute, 0 for none
     */
    public record Limit(long requestsPerMinute, long tokensPerMinute) {

        public static final Limit NONE = new Limit(0, 0);
        /** The largest limit: buckets refill at most one token per microsecond and a bit. */
        public static final long MAX = 10_000_000_000L;

        public Limit {
            if (requestsPerMinute < 0 || tokensPerMinute < 0) {
                throw new IllegalArgumentException("limits must be >= 0 (0: no limit)");
            }
            if (requestsPerMinute > MAX || tokensPerMinute > MAX) {
                throw new IllegalArgumentException("limits must be <= " + MAX + " per minute");
            }
        }

        public boolean none() {
            return requestsPerMinute == 0 && tokensPerMinute == 0;
        }
    }

    public QuotaLimits {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(principal, "principal");
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** No limits at all. */
    public static final QuotaLimits NONE = new QuotaLimits(Limit.NONE, Limit.NONE, Map.of());

    /** The limits of {@code tenant}, its override if it has one. */
    public Limit forTenant(String tenantId) {
        return overrides.getOrDefault(tenantId, tenant);
    }

    /** Whether no limit is configured anywhere. */
    public boolean none() {
        return tenant.none() && principal.none() && overrides.values().stream().allMatch(Limit::none);
    }

    /** Names of the four bucket kinds, as refusals report them. */
    public static final List<String> KINDS = List.of("tenant requests per minute", "tenant tokens per minute",
            "key requests per minute", "key tokens per minute");
}
