package org.clinigate.core.pipeline;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: a tenant, a subject within it (an API key id or a token's subject), and roles. Holds
 * ids only, never names, so it is safe to log.
 */
public record Principal(String tenant, String subject, Set<String> roles) {

    public Principal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank");
        }
        roles = Set.copyOf(roles);
    }

    /** The principal of a gateway that runs without authentication, for a single-user laptop install. */
    public static Principal local() {
        return new Principal("local", "local", Set.of("clinician"));
    }
}
