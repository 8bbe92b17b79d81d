package org.clinigate.store.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.clinigate.core.quota.Admission;
import org.clinigate.core.quota.QuotaLimits;
import org.clinigate.core.quota.QuotaLimits.Limit;
import org.clinigate.core.quota.Quotas;
import org.junit.jupiter.api.Test;

/** The quota rules on in-process buckets; the PostgreSQL variant runs the same rules in {@link PostgresQuotasIT}. */
class BucketQuotasTest {

    static void requestLimitsHold(Quotas q) {
        for (int i = 0; i < 5; i++) {
            assertThat(q.admit("ward-7", "key-a", 0).allowed()).as("request %d", i).isTrue();
        }
        Admission refused = q.admit("ward-7", "key-a", 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo("tenant requests per minute");
        // 5 per minute refill one every 12 s
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 12L);
        assertThat(q.admit("ward-8", "key-a", 0).allowed()).as("another tenant has its own bucket").isTrue();
    }

    static void tokensAreChargedAfterwards(Quotas q) {
        assertThat(q.admit("lab", "key-t", 900).allowed()).isTrue();
        q.charge("lab", "key-t", 300); // 1,200 of 1,000: served, and now in debt
        Admission refused = q.admit("lab", "key-t", 10);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo("tenant tokens per minute");
        // 200 tokens of debt plus one, at 1,000 per minute: about 13 s
        assertThat(refused.retryAfterSeconds()).isBetween(10L, 14L);
    }

    static QuotaLimits limits() {
        return new QuotaLimits(new Limit(5, 0), new Limit(0, 0),
                Map.of("lab", new Limit(0, 1000), "big", new Limit(100, 0)));
    }

    @Test
    void a_tenant_gets_its_requests_per_minute_and_then_a_retry_time() {
        requestLimitsHold(BucketQuotas.local(limits()));
    }

    @Test
    void a_served_request_pays_for_its_tokens_even_beyond_the_budget() {
        tokensAreChargedAfterwards(BucketQuotas.local(limits()));
    }

    @Test
    void an_override_replaces_the_tenant_default() {
        Quotas q = BucketQuotas.local(limits());
        for (int i = 0; i < 100; i++) {
            assertThat(q.admit("big", "k", 0).allowed()).isTrue();
        }
        assertThat(q.admit("big", "k", 0).allowed()).isFalse();
    }

    @Test
    void a_key_limit_refuses_one_key_while_the_tenant_has_room_and_a_refusal_takes_nothing() {
        Quotas q = BucketQuotas.local(new QuotaLimits(new Limit(3, 0), new Limit(2, 0), Map.of()));
        assertThat(q.admit("t", "a", 0).allowed()).isTrue();
        assertThat(q.admit("t", "a", 0).allowed()).isTrue();
        Admission third = q.admit("t", "a", 0);
        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo("key requests per minute");
        // the tenant bucket got its token back when the key refused, so another key still fits
        assertThat(q.admit("t", "b", 0).allowed()).isTrue();
        assertThat(q.admit("t", "b", 0).allowed()).isFalse();
    }

    @Test
    void no_limits_means_unlimited_and_printing_carries_no_principal() {
        Quotas q = BucketQuotas.local(QuotaLimits.NONE);
        for (int i = 0; i < 1000; i++) {
            assertThat(q.admit("t", "key-secretive", 10_000).allowed()).isTrue();
        }
        assertThat(q.toString()).doesNotContain("key-secretive");
    }
}
