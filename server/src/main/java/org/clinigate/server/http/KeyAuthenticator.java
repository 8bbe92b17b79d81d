package org.clinigate.server.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.core.auth.KeyFormat;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.Principal;

/**
 * Turns {@code Authorization: Bearer cg_...} into a {@link Principal}. A key is found by its prefix and
 * accepted when its SHA-256 matches in constant time. Lookups are cached for a few seconds, so a
 * request costs one hash, not a database round trip; a revocation takes effect within that time.
 * Messages never contain the key. Thread safe.
 */
public final class KeyAuthenticator {

    private static final long TTL_NANOS = 5_000_000_000L;

    private record Cached(ApiKeys.KeyInfo info, long until) {
    }

    private final ApiKeys keys;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public KeyAuthenticator(ApiKeys keys) {
        this.keys = keys;
    }

    /** The caller that an {@code Authorization: Bearer <key>} header value proves. */
    public Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ClinigateException(ErrorCode.CG_4010, "send Authorization: Bearer <API key>");
        }
        return key(authorization.substring(7).strip());
    }

    /** The caller that {@code key}, the bearer value itself, proves. */
    Principal key(String key) {
        String prefix = KeyFormat.prefixOf(key);
        if (prefix == null) {
            throw new ClinigateException(ErrorCode.CG_4010, "the bearer token is not a Clinigate API key");
        }
        ApiKeys.KeyInfo info = lookup(prefix);
        if (info == null || !info.active() || !KeyFormat.sameHash(info.hash(), KeyFormat.hash(key))) {
            throw new ClinigateException(ErrorCode.CG_4011, "the API key is unknown or revoked");
        }
        return new Principal(info.tenant(), "key:" + info.id(), Set.of(info.role()));
    }

    private ApiKeys.KeyInfo lookup(String prefix) {
        long now = System.nanoTime();
        Cached c = cache.get(prefix);
        if (c != null && now < c.until()) {
            return c.info();
        }
        ApiKeys.KeyInfo info = keys.byPrefix(prefix).orElse(null);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(prefix, new Cached(info, now + TTL_NANOS));
        return info;
    }
}
