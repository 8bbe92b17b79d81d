package org.clinigate.server.http;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.server.config.GatewayConfig;

/**
 * The claim rules of a token whose signature has verified: issuer, audience, expiry, not-before and issued-at
 * (with the configured clock skew), a subject, and a tenant that obeys the same rule as API-key tenants. Then
 * maps the claims to a {@link Principal}: the tenant claim, {@code oidc:<sub>}, and the Clinigate roles that
 * {@code auth.oidc.role_map} grants for the IdP roles in the roles claim. Immutable and thread safe.
 */
final class TokenClaims implements JWTClaimsSetVerifier<SecurityContext> {

    /** Subjects are ids (UUIDs, numbers, {@code auth0|...}, at worst an e-mail), never free text. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._~@:|+=/-]{1,200}");

    /** A claim check that failed; carried through nimbus's processor to {@link TokenAuthenticator}. */
    static final class Rejected extends BadJWTException {
        private static final long serialVersionUID = 1L;
        final transient TokenRejection reason;

        Rejected(TokenRejection reason) {
            super(reason.name());
            this.reason = reason;
        }
    }

    private final String issuer;
    private final String audience;
    private final String tenantClaim;
    private final String rolesClaim;
    private final long skewMillis;
    private final Map<String, Set<String>> grants;
    private final Clock clock;

    TokenClaims(GatewayConfig.Oidc oidc, Clock clock) {
        this.issuer = oidc.issuer();
        this.audience = oidc.audience();
        this.tenantClaim = oidc.tenantClaim();
        this.rolesClaim = oidc.rolesClaim();
        this.skewMillis = oidc.clockSkewSeconds() * 1000L;
        this.clock = clock;
        Map<String, Set<String>> g = new HashMap<>();
        oidc.roleMap().byRole().forEach((role, idpNames) -> idpNames
                .forEach(n -> g.computeIfAbsent(n, k -> new HashSet<>()).add(role)));
        g.replaceAll((k, v) -> Set.copyOf(v));
        this.grants = Map.copyOf(g);
    }

    @Override
    public void verify(JWTClaimsSet c, SecurityContext context) throws BadJWTException {
        long now = clock.millis();
        check(issuer.equals(c.getIssuer()), TokenRejection.ISSUER);
        check(c.getAudience() != null && c.getAudience().contains(audience), TokenRejection.AUDIENCE);
        Date exp = c.getExpirationTime();
        check(exp != null, TokenRejection.NO_EXPIRY);
        check(now <= exp.getTime() + skewMillis, TokenRejection.EXPIRED);
        Date nbf = c.getNotBeforeTime();
        check(nbf == null || now >= nbf.getTime() - skewMillis, TokenRejection.NOT_YET_VALID);
        Date iat = c.getIssueTime();
        check(iat == null || now >= iat.getTime() - skewMillis, TokenRejection.NOT_YET_VALID);
        check(c.getSubject() != null && SUBJECT.matcher(c.getSubject()).matches(), TokenRejection.SUBJECT);
        check(claim(c, tenantClaim) instanceof String t && ApiKeys.isTenantId(t), TokenRejection.TENANT);
    }

    /** The caller of a token that {@link #verify} accepted. An empty role set is possible; the server refuses it. */
    Principal principal(JWTClaimsSet c) {
        Set<String> roles = new HashSet<>();
        for (String idpRole : strings(claim(c, rolesClaim))) {
            roles.addAll(grants.getOrDefault(idpRole, Set.of()));
        }
        return new Principal((String) claim(c, tenantClaim), "oidc:" + c.getSubject(), roles);
    }

    private static void check(boolean ok, TokenRejection reason) throws Rejected {
        if (!ok) {
            throw new Rejected(reason);
        }
    }

    /**
     * A claim by name, or else by dotted path through nested objects ({@code realm_access.roles}). The literal
     * name comes first because some IdPs require namespaced claims that contain dots
     * ({@code https://example.org/tenant}).
     */
    static Object claim(JWTClaimsSet c, String path) {
        Object direct = c.getClaim(path);
        if (direct != null || path.indexOf('.') < 0) {
            return direct;
        }
        Object node = c.getClaims();
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(part);
        }
        return node;
    }

    /** A JSON array of strings, or one string of space-separated names (as in an OAuth {@code scope}). */
    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
