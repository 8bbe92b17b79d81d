package org.clinigate.server.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.server.config.GatewayConfig;

/**
 * Turns an OIDC bearer token, a JWT signed by the configured issuer, into a {@link Principal}. Checks, in this
 * order: the JWT's shape, its algorithm (one of {@code auth.oidc.algorithms}; never {@code none}, never HS*), its
 * {@code typ}, its signature against the issuer's JWKS (nimbus {@link DefaultJWTProcessor}), then the claims
 * ({@link TokenClaims}: iss, aud, exp, nbf, iat, sub, tenant). A token that fails is refused with
 * {@code CG-4013} (401) and a message naming the check; when the issuer's keys cannot be fetched at all, with
 * {@code CG-4014} (503). Neither message nor log ever holds the token or a value from it. Thread safe.
 */
public final class TokenAuthenticator implements AutoCloseable {

    /** RFC 9068 access tokens say {@code at+jwt}; most IdPs say {@code JWT} or nothing. */
    private static final Set<JOSEObjectType> TYPES = Collections
            .unmodifiableSet(new HashSet<>(Arrays.asList(null, JOSEObjectType.JWT, new JOSEObjectType("at+jwt"))));

    private final Set<JWSAlgorithm> algorithms;
    private final JwksSource keys;
    private final TokenClaims claims;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** Builds the checks from the settings; a {@code jwks_file} that cannot be read fails here with CG-1001. */
    public TokenAuthenticator(GatewayConfig.Oidc oidc) {
        this(oidc, JwksSource.of(oidc), Clock.systemUTC());
    }

    TokenAuthenticator(GatewayConfig.Oidc oidc, JwksSource keys, Clock clock) {
        this.algorithms = oidc.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        this.keys = keys;
        this.claims = new TokenClaims(oidc, clock);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPES));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys.keys()));
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The caller that {@code token} (the bearer value, without "Bearer ") proves. */
    public Principal authenticate(String token) {
        SignedJWT jwt = signed(token);
        try {
            JWTClaimsSet verified = processor.process(jwt, null);
            return claims.principal(verified);
        } catch (TokenClaims.Rejected e) {
            throw e.reason.exception();
        } catch (BadJWSException e) {
            throw TokenRejection.SIGNATURE.exception();
        } catch (BadJOSEException e) {
            // Shape, algorithm and typ were checked above, so what is left is "no key of this id".
            throw TokenRejection.UNKNOWN_KEY.exception();
        } catch (RateLimitReachedException e) {
            // The cache was refreshed moments ago; the key is unknown unless the provider is down.
            throw keys.failing() ? unavailable() : TokenRejection.UNKNOWN_KEY.exception();
        } catch (KeySourceException e) {
            throw unavailable();
        } catch (JOSEException e) {
            throw TokenRejection.SIGNATURE.exception();
        }
    }

    /** Parses without trusting anything yet: a signed JWT of an allowed algorithm and type, or a refusal. */
    private SignedJWT signed(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
            jwt.getJWTClaimsSet(); // a payload that is not a JSON claims set is malformed, not a bad signature
        } catch (ParseException | RuntimeException e) {
            throw TokenRejection.MALFORMED.exception();
        }
        if (jwt instanceof PlainJWT) {
            throw TokenRejection.UNSIGNED.exception();
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw TokenRejection.MALFORMED.exception(); // an encrypted JWT: not supported
        }
        JWSHeader header = signed.getHeader();
        if (!algorithms.contains(header.getAlgorithm())) {
            throw TokenRejection.ALGORITHM.exception();
        }
        if (!TYPES.contains(header.getType())) {
            throw TokenRejection.TYPE.exception();
        }
        return signed;
    }

    private static ClinigateException unavailable() {
        return new ClinigateException(ErrorCode.CG_4014,
                "the identity provider's signing keys cannot be fetched; try again shortly");
    }

    @Override
    public void close() {
        try {
            keys.close();
        } catch (IOException e) {
            // Nothing to release that matters at shutdown.
        }
    }
}
