package org.clinigate.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clinigate.core.phi.PhiMap;

/**
 * The embedded vault: scopes in memory, least recently used dropped beyond a bound, lost on restart.
 * Thread safe.
 */
public final class InMemoryVault implements PhiVault {

    private final Map<ScopeKey, PhiMap> scopes;

    public InMemoryVault(int maxScopes) {
        if (maxScopes < 1) {
            throw new IllegalArgumentException("maxScopes must be >= 1");
        }
        this.scopes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ScopeKey, PhiMap> eldest) {
                return size() > maxScopes;
            }
        };
    }

    @Override
    public synchronized PhiMap scope(ScopeKey key) {
        return scopes.computeIfAbsent(key, k -> PhiMap.create(k.label()));
    }

    public synchronized int size() {
        return scopes.size();
    }

    @Override
    public String toString() {
        return "InMemoryVault[scopes=" + size() + "]";
    }
}
