package org.clinigate.store.vault;

import java.nio.file.Path;
import java.time.Duration;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * How the PHI vault is kept (ADR 0009).
 *
 * <p>The keyset comes from the environment variable {@code keysetEnv} when it is set (a Tink JSON keyset), else from
 * {@code keysetFile}, which is created with a fresh AES-256-GCM key and owner-only permissions when missing. Only a
 * file keyset can be rotated by {@code clinigate vault rotate}.
 *
 * @param keysetEnv the environment variable holding the Tink JSON keyset, or null for none
 * @param keysetFile the Tink JSON keyset file used when the variable is unset or blank, or null to require the
 *     variable
 * @param retention a scope not used for this long is treated as gone and removed by {@code vault purge}; 1 hour to
 *     3650 days
 * @param cacheScopes how many decrypted scopes each vault keeps in memory (least recently used dropped beyond it),
 *     0 to 1,000,000; the database stays the authority, the cache only saves decrypting an unchanged row
 */
public record VaultSettings(String keysetEnv, Path keysetFile, Duration retention, int cacheScopes) {

    public static final String DEFAULT_KEYSET_ENV = "CLINIGATE_VAULT_KEYSET";
    public static final String DEFAULT_KEYSET_FILE = "vault-keyset.json";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final int DEFAULT_CACHE_SCOPES = 10_000;

    public VaultSettings {
        if (keysetEnv != null && !keysetEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw invalid("vault.keysetEnv must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
        }
        if (keysetEnv == null && keysetFile == null) {
            throw invalid("vault.keysetEnv or vault.keysetFile must be set");
        }
        if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0
                || retention.compareTo(Duration.ofDays(3650)) > 0) {
            throw invalid("vault.retention must be in [1 hour, 3650 days], got " + retention);
        }
        if (cacheScopes < 0 || cacheScopes > 1_000_000) {
            throw invalid("vault.cacheScopes must be in [0, 1000000], got " + cacheScopes);
        }
    }

    /** Keyset from {@value #DEFAULT_KEYSET_ENV} or {@code dataDir/vault-keyset.json}; 30 days' retention. */
    public static VaultSettings defaults(Path dataDir) {
        return new VaultSettings(DEFAULT_KEYSET_ENV, dataDir.resolve(DEFAULT_KEYSET_FILE), DEFAULT_RETENTION,
                DEFAULT_CACHE_SCOPES);
    }

    public VaultSettings withKeyset(String env, Path file) {
        return new VaultSettings(env, file, retention, cacheScopes);
    }

    public VaultSettings withRetention(Duration period) {
        return new VaultSettings(keysetEnv, keysetFile, period, cacheScopes);
    }

    public VaultSettings withCacheScopes(int scopes) {
        return new VaultSettings(keysetEnv, keysetFile, retention, scopes);
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_1001, detail);
    }
}
