package org.clinigate.core.pipeline;

import org.clinigate.core.phi.PhiMap;

/**
 * Port: keeps the PHI mappings of pseudonym scopes, so that a pseudonym issued in one turn is re-linked
 * in the next. The embedded default keeps them in memory; the store module keeps them encrypted in a
 * database shared by several gateway instances.
 *
 * <p>Implementations are thread safe. A mapping is only ever returned to callers of the same tenant,
 * because the tenant is part of the key.
 */
public interface PhiVault {

    /** The mapping of {@code key}, created empty on first use. */
    PhiMap scope(ScopeKey key);

    /** Persists changes made to a scope's mapping during one request; a no-op for in-memory vaults. */
    default void save(ScopeKey key, PhiMap map) {
    }
}
