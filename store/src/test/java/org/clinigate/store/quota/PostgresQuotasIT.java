package org.clinigate.store.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.quota.QuotaLimits;
import org.clinigate.core.quota.QuotaLimits.Limit;
import org.clinigate.core.quota.Quotas;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.testing.EmbeddedPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quotas in a real PostgreSQL: two stores (as two gateway instances would) share one set of buckets. */
class PostgresQuotasIT {

    static EmbeddedPg pg;

    @BeforeAll
    static void start() {
        pg = EmbeddedPg.start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static Store open(String db) {
        return Store.open(StoreConfig.embedded(java.nio.file.Path.of("target", "pg-quota-" + db))
                .withUrl(pg.url(db), "postgres", null), k -> null);
    }

    @Test
    void the_same_rules_hold_in_postgresql() {
        String db = pg.createDatabase();
        try (Store store = open(db)) {
            Quotas q = store.quotas(BucketQuotasTest.limits());
            assertThat(q).isInstanceOf(BucketQuotas.class);
            BucketQuotasTest.requestLimitsHold(q);
            BucketQuotasTest.tokensAreChargedAfterwards(q);
        }
    }

    @Test
    void two_instances_on_one_database_hold_one_combined_limit_under_concurrency() throws Exception {
        String db = pg.createDatabase();
        QuotaLimits limits = new QuotaLimits(new Limit(40, 0), new Limit(0, 0), Map.of());
        try (Store a = open(db); Store b = open(db)) {
            Quotas qa = a.quotas(limits);
            Quotas qb = b.quotas(limits);
            AtomicInteger allowed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    Quotas q = i % 2 == 0 ? qa : qb;
                    done.add(pool.submit(() -> {
                        if (q.admit("shared-tenant", "k", 0).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            // 40 per minute between them; a refill during the run may add one or two.
            assertThat(allowed.get()).isBetween(40, 42);
            try (Connection c = a.database().connection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM quota_bucket")) {
                while (rs.next()) {
                    assertThat(rs.getString(1)).doesNotContain("shared-tenant").matches("rpm:[tk]:[0-9a-f]{64}");
                }
            }
        }
    }

    @Test
    void a_changed_limit_replaces_the_stored_bucket_configuration() {
        String db = pg.createDatabase();
        try (Store store = open(db)) {
            Quotas two = store.quotas(new QuotaLimits(new Limit(2, 0), new Limit(0, 0), Map.of()));
            assertThat(two.admit("t", "k", 0).allowed()).isTrue();
            assertThat(two.admit("t", "k", 0).allowed()).isTrue();
            assertThat(two.admit("t", "k", 0).allowed()).isFalse();
            Quotas hundred = store.quotas(new QuotaLimits(new Limit(100, 0), new Limit(0, 0), Map.of()));
            // the raised limit applies at once: the extra capacity is added to what was left
            assertThat(hundred.admit("t", "k", 0).allowed()).isTrue();
        }
    }
}
