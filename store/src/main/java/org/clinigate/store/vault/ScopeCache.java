package org.clinigate.store.vault;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.ScopeKey;

/**
 * Decrypted scopes of one vault, least recently used dropped beyond a bound. Never the authority: every lookup is
 * checked against the row's revision in the database, so an entry only spares decrypting a row that has not changed,
 * and keeps handing out the same {@link PhiMap} (same serial) while it stays unchanged. Thread-safe.
 */
final class ScopeCache {

    /**
     * What this instance last read or wrote for a scope.
     *
     * @param revision the row's revision; 0 when the scope has no row yet
     * @param map the map handed out for that revision
     * @param savedSize how many entries the stored revision holds; entries are only ever added, so a map of this
     *     size holds nothing new
     * @param lastUsed the last use this instance knows of, or null
     */
    record Cached(long revision, PhiMap map, int savedSize, Instant lastUsed) {
        @Override
        public String toString() {
            return "Cached[entries=" + savedSize + "]";
        }
    }

    private final Map<ScopeKey, Cached> entries;
    private final int capacity;

    ScopeCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ScopeKey, Cached> eldest) {
                return size() > ScopeCache.this.capacity;
            }
        };
    }

    synchronized Cached get(ScopeKey scope) {
        return entries.get(scope);
    }

    /** Remembers what this instance last saw of a scope; a no-op when the cache is disabled. */
    synchronized void put(ScopeKey scope, Cached cached) {
        if (capacity > 0) {
            entries.put(scope, cached);
        }
    }

    synchronized void remove(ScopeKey scope) {
        entries.remove(scope);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
