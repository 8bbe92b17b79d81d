package org.clinigate.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Port: API keys. A key is 256 random bits shown once at creation; only its SHA-256 and a short lookup
 * prefix are stored. Implementations are thread safe and fail with {@code CG-4001} when their store is
 * unreachable.
 */
public interface ApiKeys {

    /** The roles of issue 4: chat and tasks, signing drafts, evaluation, administration. */
    Set<String> ROLES = Set.of("clinician", "reviewer", "researcher", "admin");

    /**
     * Tenant ids, for keys and tokens alike: 1 to 128 of {@code [A-Za-z0-9._-]}, so no character that means
     * something to SQL, a log line or a path.
     */
    Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** Whether {@code tenant} matches {@link #TENANT}; false for null. */
    static boolean isTenantId(String tenant) {
        return tenant != null && TENANT.matcher(tenant).matches();
    }

    /** Creates a key for {@code tenant} with {@code role}; the returned secret is never stored or shown again. */
    Created create(String tenant, String role);

    List<KeyInfo> list();

    /** Revokes the key with this id; false when there is none. */
    boolean revoke(String id);

    /** The key with this lookup prefix, revoked or not. */
    Optional<KeyInfo> byPrefix(String prefix);

    /** A new key: its id, and the secret to hand to the client. */
    record Created(KeyInfo info, String secret) {
        @Override
        public String toString() {
            return "Created[" + info + ", secret=(not shown)]";
        }
    }

    /** What is stored about a key: no secret, only its hash. */
    record KeyInfo(String id, String tenant, String role, String prefix, String hash, Instant created,
            Instant revoked) {
        public KeyInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(hash, "hash");
        }

        public boolean active() {
            return revoked == null;
        }

        @Override
        public String toString() {
            return "KeyInfo[id=" + id + ", tenant=" + tenant + ", role=" + role + ", prefix=" + prefix + ", active="
                    + active() + "]";
        }
    }
}
