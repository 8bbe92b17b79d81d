package org.clinigate.core.pipeline;

import org.clinigate.core.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinigate.core.chat.Role;

/**
 * The de-identified form of messages already seen in a scope, so that a conversation's history,
 * which clients resend with every turn, is de-identified once. Keys are the scope and a SHA-256 of
 * the role and original text; values are de-identified text. No original text is kept. Bounded
 * (least recently used entries go first) and thread safe.
 */
final class HistoryCache {

    /** The map's serial is part of the key: a scope evicted and recreated must not reuse old pseudonyms. */
    private record Key(ScopeKey scope, long map, String digest) {
    }

    private final Map<Key, String> entries;

    HistoryCache(int max) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
                return size() > max;
            }
        };
    }

    synchronized String get(ScopeKey scope, long map, Role role, String text) {
        return entries.get(new Key(scope, map, digest(role, text)));
    }

    synchronized void put(ScopeKey scope, long map, Role role, String text, String deidentified) {
        entries.put(new Key(scope, map, digest(role, text)), deidentified);
    }

    private static String digest(Role role, String text) {
        return Sha256.hex(role.wireName() + '\u0000' + text);
    }
}
