package org.clinigate.store.vault;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts about the vault, for operators. Holds no PHI: scope counts, key ids and settings only.
 *
 * @param scopes how many scopes are stored
 * @param scopesByKey how many of them each key sealed, by key id
 * @param expired how many have not been used within the retention period (purge removes them)
 * @param primaryKeyId the key that seals new records
 * @param keys the keys of the keyset
 * @param retention the retention period
 * @param keysetSource where the keyset comes from: an environment variable's name or {@code vault.keysetFile}
 */
public record VaultStats(long scopes, Map<Long, Long> scopesByKey, long expired, long primaryKeyId,
        List<VaultKeyset.KeyInfo> keys, Duration retention, String keysetSource) {

    public VaultStats {
        scopesByKey = Collections.unmodifiableMap(new TreeMap<>(scopesByKey));
        keys = List.copyOf(keys);
    }
}
