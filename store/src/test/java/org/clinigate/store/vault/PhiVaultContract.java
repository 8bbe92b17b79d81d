package org.clinigate.store.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.PhiVault;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.store.Store;
import org.junit.jupiter.api.Test;

/**
 * What every database the vault runs on must do: keep scopes apart, bind each ciphertext to its scope, share scopes
 * between instances without losing writes, survive key rotation, forget by retention, and never hold PHI in plaintext.
 * Each test gets an empty database; "instances" are separate {@link Store}s on it, as two gateways would be.
 */
abstract class PhiVaultContract extends VaultContractSupport {

    @Test
    void a_saved_scope_reads_back_in_another_instance_with_every_pseudonym() {
        ScopeKey key = ScopeKey.conversation("st-olaf", "conv-1");
        PhiVault a = open().phiVault();
        PhiMap map = a.scope(key);
        assertThat(map.size()).isZero();
        String ada = pseudonym(map, "Ada Canary-" + UUID.randomUUID());
        String phone = map.replacementFor(PhiCategory.PHONE, "+1 555 0199", n -> "[PHONE_" + n + "]");
        a.save(key, map);

        PhiMap seen = open().phiVault().scope(key);
        assertThat(seen.entries()).containsExactlyInAnyOrderElementsOf(map.entries());
        assertThat(seen.dateShiftDays()).isEqualTo(map.dateShiftDays());
        assertThat(seen.relink("call " + phone)).isEqualTo("call +1 555 0199");
        assertThat(ada).isEqualTo("[NAME_1]");
        assertThat(pseudonym(seen, "Grace Hopper")).isEqualTo("[NAME_2]");
    }

    @Test
    void an_instance_sees_what_another_added_after_it_read_the_scope() {
        ScopeKey key = ScopeKey.patient("st-olaf", "mrn-77");
        PhiVault a = open().phiVault();
        PhiVault b = open().phiVault();
        PhiMap first = a.scope(key);
        pseudonym(first, "Smith");
        a.save(key, first);
        PhiMap inB = b.scope(key);
        assertThat(inB.originalOf("[NAME_1]")).contains("Smith");
        pseudonym(inB, "Jones");
        b.save(key, inB);

        PhiMap again = a.scope(key);
        assertThat(again.originalOf("[NAME_2]")).contains("Jones");
        assertThat(again.originalOf("[NAME_1]")).contains("Smith");
        assertThat(a.scope(key)).as("unchanged row: the same map, no second decryption").isSameAs(again);
    }

    @Test
    void concurrent_writers_lose_nothing_and_never_give_one_pseudonym_two_originals() {
        ScopeKey key = ScopeKey.conversation("st-olaf", "race");
        PhiVault a = open().phiVault();
        PhiVault b = open().phiVault();
        PhiMap inA = a.scope(key);
        PhiMap inB = b.scope(key);
        pseudonym(inA, "Smith"); // [NAME_1]
        pseudonym(inB, "Jones"); // [NAME_1] too: a clash
        pseudonym(inB, "Brown"); // [NAME_2]
        a.save(key, inA);
        b.save(key, inB);

        PhiMap stored = open().phiVault().scope(key);
        assertThat(stored.originalOf("[NAME_1]")).contains("Smith");
        assertThat(stored.originalOf("[NAME_2]")).contains("Brown");
        assertThat(stored.size()).isEqualTo(2);
        assertThat(pseudonym(stored, "Jones")).isEqualTo("[NAME_3]");
    }

    @Test
    void many_threads_on_two_instances_keep_every_entry() throws Exception {
        ScopeKey key = ScopeKey.patient("st-olaf", "busy");
        List<PhiVault> vaults = List.of(open().phiVault(), open().phiVault());
        int threads = 8;
        int each = 12;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                PhiVault vault = vaults.get(t % 2);
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        PhiMap map = vault.scope(key);
                        int unique = 100 * (thread + 1) + i;
                        map.replacementFor(PhiCategory.ID, "id-" + unique, n -> "[ID_" + unique + "]");
                        vault.save(key, map);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        PhiMap stored = open().phiVault().scope(key);
        assertThat(stored.size()).isEqualTo(threads * each);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                int unique = 100 * (t + 1) + i;
                assertThat(stored.originalOf("[ID_" + unique + "]")).contains("id-" + unique);
            }
        }
    }

    @Test
    void another_tenant_or_kind_with_the_same_id_gets_an_empty_scope_and_relinks_nothing() {
        ScopeKey mine = ScopeKey.conversation("tenant-a", "c1");
        PhiVault vault = open().phiVault();
        PhiMap map = vault.scope(mine);
        String pseudonym = pseudonym(map, "Ada Lovelace");
        vault.save(mine, map);

        PhiVault other = open().phiVault();
        for (ScopeKey foreign : List.of(ScopeKey.conversation("tenant-b", "c1"),
                new ScopeKey("tenant-b", mine.kind(), mine.idHash()), new ScopeKey("tenant-a", "patient",
                        mine.idHash()))) {
            PhiMap theirs = other.scope(foreign);
            assertThat(theirs.size()).as(foreign.label()).isZero();
            assertThat(theirs.relink("hello " + pseudonym)).isEqualTo("hello " + pseudonym);
        }
        assertThat(other.scope(mine).relink("hello " + pseudonym)).isEqualTo("hello Ada Lovelace");
    }

    @Test
    void a_ciphertext_moved_to_another_scope_is_a_clear_error_never_that_scopes_data() throws Exception {
        String canary = canary();
        ScopeKey a = ScopeKey.conversation("tenant-a", "c1");
        ScopeKey b = ScopeKey.conversation("tenant-b", "c1");
        Store store = open();
        saveWith(store.phiVault(), a, canary + "-a");
        saveWith(store.phiVault(), b, canary + "-b");
        byte[] cipherA = ciphertext(store, a);
        byte[] cipherB = ciphertext(store, b);
        setCiphertext(store, a, cipherB);
        setCiphertext(store, b, cipherA);
        sql(store, "INSERT INTO phi_vault (tenant, kind, id_hash, revision, key_id, ciphertext, created_at, "
                + "updated_at, last_used_at) SELECT 'tenant-c', kind, id_hash, revision, key_id, ciphertext, "
                + "created_at, updated_at, last_used_at FROM phi_vault WHERE tenant = 'tenant-b'");
        ScopeKey copied = new ScopeKey("tenant-c", b.kind(), b.idHash());

        PhiVault fresh = open().phiVault();
        for (ScopeKey key : List.of(a, b, copied)) {
            assertThatThrownBy(() -> fresh.scope(key)).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_4031))
                    .satisfies(e -> assertNoCanary(e, canary))
                    .hasMessageContaining(key.label());
            PhiMap attempt = new PhiMap("x", 1);
            pseudonym(attempt, "Overwriter");
            assertThatThrownBy(() -> fresh.save(key, attempt)).isInstanceOf(ClinigateException.class);
        }
        assertThat(ciphertext(store, b)).as("a failed save leaves the row alone").isEqualTo(cipherA);
    }

    @Test
    void a_wrong_keyset_is_CG_4031_and_never_an_empty_map() {
        ScopeKey key = ScopeKey.patient("st-olaf", "mrn-1");
        saveWith(open().phiVault(), key, "Ada Lovelace");
        Store wrong = open(Map.of(VaultSettings.DEFAULT_KEYSET_ENV, VaultKeyset.generateJson()));
        assertThatThrownBy(() -> wrong.phiVault().scope(key)).isInstanceOf(ClinigateException.class)
                .hasMessageStartingWith("CG-4031").hasMessageContaining("does not decrypt");
    }

    @Test
    void a_missing_or_invalid_keyset_is_CG_4030_when_the_vault_is_first_asked_for() {
        Store store = open(Map.of(VaultSettings.DEFAULT_KEYSET_ENV, "{\"key\": []}"));
        assertThatThrownBy(store::phiVault).isInstanceOf(ClinigateException.class).hasMessageStartingWith("CG-4030")
                .hasMessageContaining(VaultSettings.DEFAULT_KEYSET_ENV);
        Store envOnly = open(config().withVault(config().vault().withKeyset("NO_SUCH_KEYSET_VAR", null)), Map.of());
        assertThatThrownBy(envOnly::phiVault).hasMessageStartingWith("CG-4030").hasMessageContaining(
                "NO_SUCH_KEYSET_VAR");
        assertThat(store.auditLog()).as("the rest of the store works without a vault").isNotNull();
    }

    @Test
    void rows_sealed_before_a_rotation_open_after_it_and_after_rewrap_without_the_old_key() throws Exception {
        ScopeKey early = ScopeKey.conversation("st-olaf", "before-rotation");
        ScopeKey late = ScopeKey.conversation("st-olaf", "after-rotation");
        Store running = open();
        JdbcPhiVault old = running.phiVault();
        long oldKey = old.keyset().primaryId();
        saveWith(old, early, "Ada Lovelace");

        long newKey = VaultKeyset.rotate(keysetFile(), true);
        Store restarted = open();
        JdbcPhiVault current = restarted.phiVault();
        assertThat(current.keyset().primaryId()).isEqualTo(newKey);
        assertThat(current.scope(early).originalOf("[NAME_1]")).contains("Ada Lovelace");
        saveWith(current, late, "Grace Hopper");
        assertThat(keyIdOf(restarted, late)).isEqualTo(newKey);
        assertThat(keyIdOf(restarted, early)).isEqualTo(oldKey);
        // the instance that still holds the old keyset picks up the new key when it meets a row it cannot open
        assertThat(old.scope(late).originalOf("[NAME_1]")).contains("Grace Hopper");
        assertThat(current.stats().scopesByKey()).isEqualTo(Map.of(oldKey, 1L, newKey, 1L));

        String withoutOldKey = keysetWithout(oldKey);
        Store lacking = open(Map.of(VaultSettings.DEFAULT_KEYSET_ENV, withoutOldKey));
        assertThatThrownBy(() -> lacking.phiVault().scope(early)).hasMessageStartingWith("CG-4031");

        RewrapReport report = current.rewrap();
        assertThat(report.rewrapped()).isEqualTo(1);
        assertThat(report.undecryptable()).isZero();
        assertThat(report.primaryKeyId()).isEqualTo(newKey);
        assertThat(keyIdOf(restarted, early)).isEqualTo(newKey);
        assertThat(current.rewrap().rewrapped()).as("nothing left to rewrap").isZero();

        PhiVault afterRewrap = open(Map.of(VaultSettings.DEFAULT_KEYSET_ENV, withoutOldKey)).phiVault();
        assertThat(afterRewrap.scope(early).originalOf("[NAME_1]")).contains("Ada Lovelace");
        assertThat(afterRewrap.scope(late).originalOf("[NAME_1]")).contains("Grace Hopper");
    }

    @Test
    void purge_deletes_the_scopes_unused_for_longer_than_the_retention_and_counts_them() throws Exception {
        Store store = open();
        JdbcPhiVault vault = store.phiVault();
        ScopeKey stale1 = ScopeKey.conversation("t", "stale-1");
        ScopeKey stale2 = ScopeKey.patient("t", "stale-2");
        ScopeKey fresh = ScopeKey.conversation("t", "fresh");
        for (ScopeKey key : List.of(stale1, stale2, fresh)) {
            saveWith(vault, key, "Ada Lovelace");
        }
        ageBy(store, Duration.ofDays(31), stale1, stale2);
        ageBy(store, Duration.ofDays(29), fresh);
        assertThat(vault.stats().expired()).isEqualTo(2);

        assertThat(vault.purgeExpired()).isEqualTo(2);
        assertThat(vault.stats().scopes()).isEqualTo(1);
        assertThat(vault.scope(fresh).size()).isEqualTo(1);
        assertThat(vault.scope(stale1).size()).isZero();
        assertThat(vault.purgeUnusedSince(Instant.now().minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(vault.stats().scopes()).isZero();
    }

    @Test
    void an_expired_scope_reads_as_empty_before_any_purge_and_its_row_goes() throws Exception {
        Store store = open();
        ScopeKey key = ScopeKey.conversation("t", "old");
        saveWith(store.phiVault(), key, "Ada Lovelace");
        PhiVault cached = store.phiVault();
        cached.scope(key);
        ageBy(store, Duration.ofDays(31), key);
        assertThat(cached.scope(key).size()).as("even where it was cached").isZero();
        assertThat(count(store, "SELECT COUNT(*) FROM phi_vault")).isZero();
    }

    @Test
    void using_a_scope_moves_its_last_use_forward() throws Exception {
        Store store = open();
        ScopeKey key = ScopeKey.conversation("t", "in-use");
        saveWith(store.phiVault(), key, "Ada Lovelace");
        ageBy(store, Duration.ofDays(20), key);
        PhiVault other = open().phiVault();
        PhiMap map = other.scope(key);
        other.save(key, map); // nothing new: only the last use moves
        assertThat(lastUsed(store, key)).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(store.phiVault().stats().expired()).isZero();
    }

    @Test
    void a_canary_value_exists_nowhere_in_the_database_in_plaintext() throws Exception {
        String canary = canary();
        Store store = open();
        JdbcPhiVault vault = store.phiVault();
        ScopeKey key = ScopeKey.patient("tenant-canary-scan", canary);
        PhiMap map = vault.scope(key);
        pseudonym(map, canary);
        map.replacementFor(PhiCategory.EMAIL, canary + "@example.org", n -> "[EMAIL_" + n + "]");
        map.replacementFor(PhiCategory.LOCATION, "Canary Street " + canary, n -> "Elm Street " + n);
        vault.save(key, map);
        pseudonym(map, canary + " Jr");
        vault.save(key, map);
        vault.rewrap();
        assertThat(open().phiVault().scope(key).originalOf("[NAME_1]")).contains(canary);

        assertThat(findEverywhere(store, "tenant-canary-scan")).as("the scan finds what is there").isNotEmpty();
        assertThat(findEverywhere(store, canary)).isEmpty();
        closeStores();
        assertNoCanaryOnDisk(canary);
    }

    @Test
    void nothing_the_vault_prints_carries_phi() {
        String canary = canary();
        Store store = open();
        JdbcPhiVault vault = store.phiVault();
        ScopeKey key = ScopeKey.patient("t", canary);
        PhiMap map = saveWith(vault, key, canary);
        for (Object printed : List.of(vault, vault.stats(), vault.keyset(), vault.rewrap(), map, map.entries(),
                store.phiVault().scope(key), key)) {
            assertThat(printed.toString()).doesNotContain(canary);
        }
        assertThat(vault.toString()).contains("cached=");
    }
}
