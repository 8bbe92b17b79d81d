package org.clinigate.store.vault;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.PhiVault;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.store.db.Database;
import org.clinigate.store.vault.ScopeCache.Cached;
import org.clinigate.store.vault.VaultRows.Row;
import org.clinigate.store.vault.VaultRows.Stale;

/**
 * The PHI vault in the database (ADR 0009): one row per scope in {@code phi_vault}, its {@link PhiMap} sealed with
 * Tink AEAD (AES-256-GCM) under the scope as associated data, so a row copied into another scope does not decrypt.
 *
 * <p><b>Several instances.</b> Any number of vaults (gateway instances) may share one database. {@link #scope} always
 * reads the row, so an instance sees what another saved; a small cache only spares decrypting an unchanged row.
 * {@link #save} is optimistic: it writes only over the revision it read; when another instance wrote first it reads
 * that revision, merges (the stored entries win every clash, see {@link ScopeMerge}) and tries again after a short
 * random pause. Within one instance, saves of one scope take turns.
 *
 * <p><b>Retention.</b> A scope unused for longer than {@link VaultSettings#retention()} reads as empty (and its row is
 * deleted then); {@link #purgeExpired()} deletes all such rows at once.
 *
 * <p><b>Keys.</b> New rows are sealed with the keyset's primary key; any key of the keyset opens them. A file keyset is
 * re-read every 30 s and whenever a row does not open, so keys added by {@code clinigate vault rotate} are picked up
 * without a restart; {@link #rewrap()} re-seals old rows under the primary.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use. <b>Failure.</b> {@code CG-4031} when a row does not decrypt (wrong
 * keyset, altered or moved row): nothing of it is returned, never an empty map in its place. {@code CG-4032} when a
 * scope keeps changing under concurrent writers. {@code CG-4001} when the database is unavailable. Messages carry
 * scope labels (kind and hash prefix) and key ids, never PHI; {@code toString()} carries counts.
 */
public final class JdbcPhiVault implements PhiVault {

    static final Duration KEYSET_CHECK = Duration.ofSeconds(30);
    /** A scope's last use is written at most this often: retention is counted in days, not seconds. */
    static final Duration TOUCH_AFTER = Duration.ofMinutes(1);
    private static final int MAX_WRITE_ATTEMPTS = 10;
    /** Saves of one scope in one instance take turns; scopes share these locks by hash. */
    private static final int STRIPES = 256;
    private static final int REWRAP_BATCH = 200;

    /** What a save writes over: the stored revision (0: none), the map to store, the stored entry count. */
    private record Base(long revision, PhiMap map, int storedSize, Instant lastUsed) {
        @Override
        public String toString() {
            return "Base[entries=" + storedSize + "]";
        }
    }

    private final VaultRows rows;
    private final VaultCipher cipher;
    private final VaultSettings settings;
    private final Clock clock;
    private final ScopeCache cache;
    private final AtomicLong nextKeysetCheck = new AtomicLong();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public JdbcPhiVault(Database db, VaultKeyset keyset, VaultSettings settings) {
        this(db, keyset, settings, Clock.systemUTC());
    }

    public JdbcPhiVault(Database db, VaultKeyset keyset, VaultSettings settings, Clock clock) {
        this.rows = new VaultRows(Objects.requireNonNull(db, "db"));
        this.cipher = new VaultCipher(Objects.requireNonNull(keyset, "keyset"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new ScopeCache(settings.cacheScopes());
        this.nextKeysetCheck.set(clock.millis() + KEYSET_CHECK.toMillis());
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public PhiMap scope(ScopeKey key) {
        check(key);
        Instant now = clock.instant();
        refreshKeysetIfDue(now);
        // The revision alone tells whether the cached copy is current; the ciphertext is read only when it is not.
        Cached cached = cache.get(key);
        VaultRows.Stamp stamp = cached == null ? null : currentStamp(key, now);
        if (cached != null && stamp != null && cached.revision() == stamp.revision()) {
            return cached.map();
        }
        Row row = cached != null && stamp == null ? null : current(key, now);
        if (row == null) {
            if (cached != null && cached.revision() == 0) {
                return cached.map();
            }
            PhiMap fresh = PhiMap.create(key.label());
            cache.put(key, new Cached(0, fresh, 0, null));
            return fresh;
        }
        if (cached != null && cached.revision() == row.revision()) {
            return cached.map();
        }
        PhiMap map = open(key, row);
        cache.put(key, new Cached(row.revision(), map, map.size(), row.lastUsed()));
        return map;
    }

    @Override
    public void save(ScopeKey key, PhiMap map) {
        check(key);
        Objects.requireNonNull(map, "map");
        // Threads of this instance take turns per scope, so they never race each other's revisions; instances
        // still race, and the loop below settles that.
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            saveTakingTurns(key, map);
        } finally {
            lock.unlock();
        }
    }

    private void saveTakingTurns(ScopeKey key, PhiMap map) {
        Instant now = clock.instant();
        refreshKeysetIfDue(now);
        Cached cached = cache.get(key);
        Base base = cached != null && cached.map() == map
                ? new Base(cached.revision(), map, cached.savedSize(), cached.lastUsed())
                : reload(key, map, now);
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            if (base.revision() != 0 && base.map().size() == base.storedSize()) {
                touchIfDue(key, base, now); // entries are only ever added: same count, nothing new
                return;
            }
            if (base.revision() == 0 && base.map().size() == 0) {
                return; // nothing worth a row yet
            }
            if (write(key, base, now)) {
                return;
            }
            backOff(key, attempt);
            base = reload(key, base.map(), now);
        }
        throw new ClinigateException(ErrorCode.CG_4032, "vault scope " + key.label() + " changed under "
                + MAX_WRITE_ATTEMPTS + " concurrent writes in a row");
    }

    /** Waits 1 ms up to 2^(attempt+1) ms, at random, so that instances racing for one scope fall out of step. */
    private static void backOff(ScopeKey key, int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClinigateException(ErrorCode.CG_4032, "interrupted while saving vault scope " + key.label());
        }
    }

    /** Deletes every scope not used for longer than the retention period; returns how many. */
    public int purgeExpired() {
        return purgeUnusedSince(clock.instant().minus(settings.retention()));
    }

    /** Deletes every scope whose last use is before {@code cutoff}; returns how many. */
    public int purgeUnusedSince(Instant cutoff) {
        int purged = rows.purge(cutoff);
        cache.clear();
        return purged;
    }

    /**
     * Re-seals every row not sealed by the primary key under the primary key, in batches, each row in its own
     * statement and only if it did not change meanwhile. Gateways may run during it. Rows that do not decrypt are
     * counted and left alone.
     */
    public RewrapReport rewrap() {
        refreshKeyset();
        long primary = cipher.keyset().primaryId();
        int rewrapped = 0;
        int changed = 0;
        int undecryptable = 0;
        ScopeKey after = null;
        for (var batch = rows.notSealedBy(primary, null, REWRAP_BATCH); !batch.isEmpty(); batch = rows.notSealedBy(
                primary, after, REWRAP_BATCH)) {
            for (Stale stale : batch) {
                after = stale.scope();
                byte[] plaintext;
                try {
                    plaintext = cipher.open(stale.scope(), stale.ciphertext());
                } catch (GeneralSecurityException e) {
                    undecryptable++;
                    continue;
                }
                VaultCipher.Sealed sealed = cipher.seal(stale.scope(), plaintext);
                Arrays.fill(plaintext, (byte) 0);
                if (rows.reseal(stale, sealed)) {
                    rewrapped++;
                } else {
                    changed++;
                }
            }
        }
        return new RewrapReport(rewrapped, changed, undecryptable, primary);
    }

    /** Counts of scopes (per key, and expired) and the keys of the keyset; no PHI. */
    public VaultStats stats() {
        Map<Long, Long> byKey = rows.countByKey();
        long expired = rows.countUnusedSince(clock.instant().minus(settings.retention()));
        VaultKeyset keyset = cipher.keyset();
        return new VaultStats(byKey.values().stream().mapToLong(Long::longValue).sum(), byKey, expired,
                keyset.primaryId(), keyset.keyInfo(), settings.retention(), keyset.source());
    }

    /** Re-reads a file keyset now; returns whether it changed. */
    public boolean refreshKeyset() {
        nextKeysetCheck.set(clock.millis() + KEYSET_CHECK.toMillis());
        return cipher.keyset().refresh();
    }

    /** The keyset in use. */
    public VaultKeyset keyset() {
        return cipher.keyset();
    }

    /** {@link #current}'s answer without the ciphertext: the row's stamp, or null. */
    private VaultRows.Stamp currentStamp(ScopeKey key, Instant now) {
        VaultRows.Stamp stamp = rows.stamp(key);
        Instant cutoff = now.minus(settings.retention());
        if (stamp != null && stamp.lastUsed().isBefore(cutoff)) {
            rows.deleteExpired(key, stamp.revision(), cutoff);
            return null;
        }
        return stamp;
    }

    /** The row of a scope, or null when it has none or its retention ran out (the expired row is deleted). */
    private Row current(ScopeKey key, Instant now) {
        Row row = rows.find(key);
        Instant cutoff = now.minus(settings.retention());
        if (row != null && row.lastUsed().isBefore(cutoff)) {
            rows.deleteExpired(key, row.revision(), cutoff);
            return null;
        }
        return row;
    }

    private Base reload(ScopeKey key, PhiMap mine, Instant now) {
        Row row = current(key, now);
        if (row == null) {
            return new Base(0, mine, 0, null);
        }
        PhiMap stored = open(key, row);
        return new Base(row.revision(), ScopeMerge.merge(key.label(), stored, mine), stored.size(), row.lastUsed());
    }

    private boolean write(ScopeKey key, Base base, Instant now) {
        PhiMapCodec.Encoded encoded = PhiMapCodec.encode(base.map());
        VaultCipher.Sealed sealed = cipher.seal(key, encoded.bytes());
        Arrays.fill(encoded.bytes(), (byte) 0);
        long revision = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        boolean written = base.revision() == 0
                ? rows.insert(key, revision, sealed, now)
                : rows.update(key, base.revision(), revision, sealed, now);
        if (written) {
            cache.put(key, new Cached(revision, base.map(), encoded.entries(), now));
        }
        return written;
    }

    private void touchIfDue(ScopeKey key, Base base, Instant now) {
        Instant since = now.minus(TOUCH_AFTER);
        Instant lastUsed = base.lastUsed();
        if (lastUsed == null || lastUsed.isBefore(since)) {
            rows.touch(key, now, since);
            lastUsed = now;
        }
        cache.put(key, new Cached(base.revision(), base.map(), base.storedSize(), lastUsed));
    }

    /** Decrypts and decodes a row; when no key opens it, re-reads a file keyset once, in case a key was added. */
    private PhiMap open(ScopeKey key, Row row) {
        byte[] plaintext;
        try {
            plaintext = cipher.open(key, row.ciphertext());
        } catch (GeneralSecurityException first) {
            if (!refreshKeyset()) {
                throw undecryptable(key, row);
            }
            try {
                plaintext = cipher.open(key, row.ciphertext());
            } catch (GeneralSecurityException second) {
                throw undecryptable(key, row);
            }
        }
        try {
            return PhiMapCodec.decode(plaintext, key.label());
        } catch (IllegalArgumentException e) {
            throw new ClinigateException(ErrorCode.CG_4031, "vault scope " + key.label()
                    + " decrypted but could not be decoded (" + e.getMessage() + ")");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static ClinigateException undecryptable(ScopeKey key, Row row) {
        return new ClinigateException(ErrorCode.CG_4031, "vault scope " + key.label() + " of tenant " + key.tenant()
                + " does not decrypt (sealed by key " + row.keyId() + "): the keyset lacks that key, or the row was "
                + "altered or copied from another scope");
    }

    private void refreshKeysetIfDue(Instant now) {
        long due = nextKeysetCheck.get();
        if (now.toEpochMilli() >= due
                && nextKeysetCheck.compareAndSet(due, now.toEpochMilli() + KEYSET_CHECK.toMillis())) {
            cipher.keyset().refresh();
        }
    }

    private static void check(ScopeKey key) {
        Objects.requireNonNull(key, "key");
        if (key.tenant().length() > 128 || key.kind().length() > 32 || key.idHash().length() > 128) {
            throw new ClinigateException(ErrorCode.CG_1001, "a vault scope's tenant and id hash may have at most 128 "
                    + "characters and its kind 32");
        }
    }

    @Override
    public String toString() {
        return "JdbcPhiVault[keyset=" + cipher.keyset() + ", retention=" + settings.retention() + ", cached="
                + cache.size() + "]";
    }
}
