package org.clinigate.server.http;

import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Why a bearer token was refused. The messages are fixed texts: they name the check that failed and, at most,
 * a setting, never a value taken from the token, so a refusal cannot echo it. Every reason is {@code CG-4013}
 * (HTTP 401).
 */
enum TokenRejection {
    MALFORMED("the bearer token is not a well-formed signed JWT"), UNSIGNED(
            "unsigned tokens (alg none) are refused"), ALGORITHM(
                    "the token's signature algorithm is not one of auth.oidc.algorithms"), TYPE(
                            "the token's typ header is neither JWT nor at+jwt"), UNKNOWN_KEY(
                                    "the token's signing key (kid) is not among the issuer's keys"), SIGNATURE(
                                            "the token's signature does not verify"), ISSUER(
                                                    "the token's issuer (iss) is not auth.oidc.issuer"), AUDIENCE(
                                                            "the token is not issued for this gateway: auth.oidc.audience is not in its aud"), NO_EXPIRY(
                                                                    "the token has no expiry (exp)"), EXPIRED(
                                                                            "the token has expired (exp)"), NOT_YET_VALID(
                                                                                    "the token is not valid yet (nbf or iat lies in the future)"), SUBJECT(
                                                                                            "the token's subject (sub) is missing or not 1 to 200 of [A-Za-z0-9._~@:|+=/-]"), TENANT(
                                                                                                    "the token's tenant claim (auth.oidc.tenant_claim) is missing or not 1 to 128 of [A-Za-z0-9._-]");

    private final String message;

    TokenRejection(String message) {
        this.message = message;
    }

    ClinigateException exception() {
        return new ClinigateException(ErrorCode.CG_4013, message);
    }
}
