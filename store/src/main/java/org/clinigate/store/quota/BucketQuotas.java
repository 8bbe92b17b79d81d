package org.clinigate.store.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.clinigate.core.Sha256;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.quota.Admission;
import org.clinigate.core.quota.QuotaLimits;
import org.clinigate.core.quota.QuotaLimits.Limit;
import org.clinigate.core.quota.Quotas;

/**
 * Quotas held in Bucket4j token buckets that refill greedily over one minute: one bucket per tenant and per
 * principal for requests, and one for tokens.
 *
 * <p>{@link #local} keeps the buckets in this process (the embedded H2 default: one gateway instance).
 * {@link #shared} keeps them in PostgreSQL through Bucket4j's select-for-update proxy manager, so every gateway
 * instance on that database draws from the same buckets. Buckets are created on first use and their rows expire
 * once they would be full again; a change of the configured limits replaces the stored configuration at the next
 * use (the difference in capacity is added to, or taken from, what is left).
 *
 * <p><b>Admission.</b> A request takes one token from each request bucket and needs at least one token in each
 * token bucket; the rest of its prompt estimate is then taken without refusal (possibly below zero), as is
 * {@link #charge}. A refused request gives back what it took from the buckets checked before. Thread safe.
 */
public final class BucketQuotas implements Quotas {

    /** The table of shared buckets, created by migration V4. */
    public static final String TABLE = "quota_bucket";

    /** Where buckets come from: the id names the owner and kind, {@code perMinute} is its capacity and refill. */
    @FunctionalInterface
    private interface BucketSource {
        Bucket get(String id, long perMinute);
    }

    private final QuotaLimits limits;
    private final BucketSource buckets;
    private final Runnable cleaner;

    private BucketQuotas(QuotaLimits limits, BucketSource buckets, Runnable cleaner) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.buckets = buckets;
        this.cleaner = cleaner;
    }

    /** Buckets in this process. */
    public static BucketQuotas local(QuotaLimits limits) {
        var map = new ConcurrentHashMap<String, Bucket>();
        return new BucketQuotas(limits, (id, perMinute) -> map.computeIfAbsent(id,
                k -> Bucket.builder().addLimit(minute(perMinute)).build()), () -> {
                });
    }

    /** Buckets in PostgreSQL table {@link #TABLE}, shared by every instance using that database. */
    public static BucketQuotas shared(QuotaLimits limits, DataSource dataSource) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> manager = Bucket4jPostgreSQL
                .selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING).table(TABLE)
                .idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        // The capacity doubles as the configuration version: a changed limit replaces the stored one.
        return new BucketQuotas(limits, (id, perMinute) -> manager.builder()
                .withImplicitConfigurationReplacement(perMinute, TokensInheritanceStrategy.ADDITIVE)
                .build(id, () -> BucketConfiguration.builder().addLimit(minute(perMinute)).build()),
                () -> manager.removeExpired(1000));
    }

    private static Bandwidth minute(long perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    @Override
    public Admission admit(String tenant, String principal, long promptTokens) {
        Limit t = limits.forTenant(tenant);
        Limit p = limits.principal();
        List<Runnable> refunds = new ArrayList<>(4);
        try {
            Admission a = take(requests(tenant), t.requestsPerMinute(), "tenant requests per minute", refunds);
            if (a == null) {
                a = take(requests(tenant, principal), p.requestsPerMinute(), "key requests per minute", refunds);
            }
            if (a == null) {
                a = takeTokens(tokens(tenant), t.tokensPerMinute(), promptTokens, "tenant tokens per minute",
                        refunds);
            }
            if (a == null) {
                a = takeTokens(tokens(tenant, principal), p.tokensPerMinute(), promptTokens,
                        "key tokens per minute", refunds);
            }
            if (a != null) {
                refunds.forEach(Runnable::run);
                return a;
            }
            return Admission.ALLOWED;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void charge(String tenant, String principal, long tokens) {
        if (tokens <= 0) {
            return;
        }
        try {
            if (limits.forTenant(tenant).tokensPerMinute() > 0) {
                buckets.get(tokens(tenant), limits.forTenant(tenant).tokensPerMinute())
                        .consumeIgnoringRateLimits(tokens);
            }
            if (limits.principal().tokensPerMinute() > 0) {
                buckets.get(tokens(tenant, principal), limits.principal().tokensPerMinute())
                        .consumeIgnoringRateLimits(tokens);
            }
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Deletes the rows of buckets that have refilled and idled; a no-op for local buckets. */
    public void removeExpired() {
        cleaner.run();
    }

    private Admission take(String id, long perMinute, String name, List<Runnable> refunds) {
        if (perMinute == 0) {
            return null;
        }
        Bucket bucket = buckets.get(id, perMinute);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Admission.refused(name, probe.getNanosToWaitForRefill());
        }
        refunds.add(() -> bucket.addTokens(1));
        return null;
    }

    private Admission takeTokens(String id, long perMinute, long promptTokens, String name, List<Runnable> refunds) {
        if (perMinute == 0) {
            return null;
        }
        Bucket bucket = buckets.get(id, perMinute);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Admission.refused(name, probe.getNanosToWaitForRefill());
        }
        long rest = Math.max(0, promptTokens - 1);
        if (rest > 0) {
            bucket.consumeIgnoringRateLimits(rest);
        }
        refunds.add(() -> bucket.addTokens(rest + 1));
        return null;
    }

    /** Bucket ids carry the kind and a digest of the owner, never the raw principal. */
    private static String requests(String tenant) {
        return "rpm:t:" + Sha256.hex(tenant);
    }

    private static String requests(String tenant, String principal) {
        return "rpm:k:" + Sha256.hex(tenant + '\u0000' + principal);
    }

    private static String tokens(String tenant) {
        return "tpm:t:" + Sha256.hex(tenant);
    }

    private static String tokens(String tenant, String principal) {
        return "tpm:k:" + Sha256.hex(tenant + '\u0000' + principal);
    }

    private static ClinigateException unavailable(RuntimeException e) {
        if (e instanceof ClinigateException c) {
            return c;
        }
        return new ClinigateException(ErrorCode.CG_4001, "quota buckets cannot be read: "
                + e.getClass().getSimpleName(), e);
    }

    @Override
    public String toString() {
        return "BucketQuotas[" + limits + "]";
    }
}
