package org.clinigate.core.registry;

/**
 * Who changes the registry, as the audit log records it.
 *
 * @param tenant the tenant the change is made under ({@code system} on the command line)
 * @param principal the person or key: for the command line, the {@code --by} admin id
 * @param role the role the change is made under; only {@code admin} may approve
 * @param endpoint how the change arrived, for example {@code CLI registry approve} or an HTTP method and path
 */
public record Actor(String tenant, String principal, String role, String endpoint) {

    /** The role that may approve an entry. */
    public static final String ADMIN = "admin";

    public Actor {
        RegistryChecks.line("tenant", tenant, 128);
        RegistryChecks.line("by", principal, 256);
        RegistryChecks.line("role", role, 64);
        RegistryChecks.line("endpoint", endpoint, 256);
    }

    /** An admin at the command line. */
    public static Actor cli(String admin, String command) {
        return new Actor("system", admin, ADMIN, "CLI registry " + command);
    }
}
