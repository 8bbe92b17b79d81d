package org.clinigate.core.pipeline;

import org.clinigate.core.Sha256;
import java.util.Objects;

/**
 * Names one pseudonym scope: a tenant and a hashed patient or conversation id. The id is hashed on
 * construction, so a patient id (often an MRN) is never held as a key or printed.
 */
public record ScopeKey(String tenant, String kind, String idHash) {

    public ScopeKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idHash, "idHash");
    }

    /** The scope of one patient within a tenant: pseudonyms stay stable across all of its conversations. */
    public static ScopeKey patient(String tenant, String patientId) {
        return new ScopeKey(tenant, "patient", sha256(tenant + '\u0000' + patientId));
    }

    /** The scope of one conversation within a tenant. */
    public static ScopeKey conversation(String tenant, String conversationId) {
        return new ScopeKey(tenant, "conversation", sha256(tenant + '\u0000' + conversationId));
    }

    /** A short label for logs: the kind and a prefix of the hash. */
    public String label() {
        return kind + ":" + idHash.substring(0, 12);
    }

    private static String sha256(String s) {
        return Sha256.hex(s);
    }
}
