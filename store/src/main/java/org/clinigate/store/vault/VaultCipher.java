package org.clinigate.store.vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.clinigate.core.pipeline.ScopeKey;

/**
 * Seals vault records with the keyset's primary key (Tink AEAD, AES-256-GCM) and opens them with any key of the
 * keyset. The associated data is the record's scope, so a ciphertext moved to another row (another tenant, kind or
 * id) fails authentication instead of decrypting into the wrong scope. Thread-safe.
 */
final class VaultCipher {

    private static final byte[] DOMAIN = "clinigate/phi-vault/v1".getBytes(StandardCharsets.US_ASCII);

    /** A sealed record and the id of the key that sealed it. */
    record Sealed(byte[] ciphertext, long keyId) {
    }

    private final VaultKeyset keyset;

    VaultCipher(VaultKeyset keyset) {
        this.keyset = keyset;
    }

    VaultKeyset keyset() {
        return keyset;
    }

    Sealed seal(ScopeKey scope, byte[] plaintext) {
        VaultKeyset.Keys keys = keyset.keys();
        try {
            return new Sealed(keys.aead().encrypt(plaintext, associatedData(scope)), keys.primaryId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The plaintext; throws when no key of the keyset authenticates the ciphertext for this scope. */
    byte[] open(ScopeKey scope, byte[] ciphertext) throws GeneralSecurityException {
        return keyset.keys().aead().decrypt(ciphertext, associatedData(scope));
    }

    /** Domain, then tenant, kind and id hash, each length-prefixed so that no two scopes share an encoding. */
    static byte[] associatedData(ScopeKey scope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(DOMAIN);
        for (String part : new String[]{scope.tenant(), scope.kind(), scope.idHash()}) {
            byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
            out.write(utf8.length >>> 24);
            out.write(utf8.length >>> 16);
            out.write(utf8.length >>> 8);
            out.write(utf8.length);
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }
}
