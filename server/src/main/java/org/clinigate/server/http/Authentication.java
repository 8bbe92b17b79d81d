package org.clinigate.server.http;

import java.util.regex.Pattern;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.core.auth.KeyFormat;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.server.config.GatewayConfig;

/**
 * Who a {@code /v1} request comes from, by {@code auth.mode}. The bearer value decides which check runs: one
 * that starts {@code cg_} is an API key ({@link KeyAuthenticator}); three dot-separated base64url parts are a
 * JWT ({@link TokenAuthenticator}); anything else, or a kind the mode does not accept, is {@code CG-4010}.
 * Thread safe.
 */
final class Authentication implements AutoCloseable {

    /** Header, payload and signature; the signature may be empty so that alg-none tokens get their own answer. */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final KeyAuthenticator keys;
    private final TokenAuthenticator tokens;
    private final String expected;

    private Authentication(KeyAuthenticator keys, TokenAuthenticator tokens) {
        this.keys = keys;
        this.tokens = tokens;
        this.expected = keys != null && tokens != null
                ? "an API key or an OIDC token"
                : keys != null ? "an API key" : "an OIDC token";
    }

    /** Null when {@code auth.mode} is {@code none}. */
    static Authentication of(GatewayConfig.Auth auth, ApiKeys apiKeys) {
        if (!auth.keys() && !auth.tokens()) {
            return null;
        }
        return new Authentication(auth.keys() ? new KeyAuthenticator(apiKeys) : null,
                auth.tokens() ? new TokenAuthenticator(auth.oidc()) : null);
    }

    /** Whether this looks like a JWT, and so should get a token's diagnosis rather than a key's. */
    static boolean looksLikeJwt(String bearer) {
        return bearer.length() <= 16_384 && JWT.matcher(bearer).matches();
    }

    Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ClinigateException(ErrorCode.CG_4010, "send Authorization: Bearer <" + expected + ">");
        }
        String bearer = authorization.substring(7).strip();
        if (bearer.startsWith(KeyFormat.MARK) && keys != null) {
            return keys.key(bearer);
        }
        if (looksLikeJwt(bearer) && tokens != null) {
            return tokens.authenticate(bearer);
        }
        throw new ClinigateException(ErrorCode.CG_4010, "the bearer value is not " + expected);
    }

    @Override
    public void close() {
        if (tokens != null) {
            tokens.close();
        }
    }
}
