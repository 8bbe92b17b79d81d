package org.clinigate.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in identity provider for tests: RSA and EC keys generated here, a JWKS served over real HTTP on a free
 * loopback port ({@code /jwks}), and a builder that mints signed tokens with nimbus. The JWKS can be changed
 * (rotation) or made to fail (an outage) while the test runs.
 */
public final class TestIdp implements AutoCloseable {

    public static final String ISSUER = "https://idp.test/realms/clinic";
    public static final String AUDIENCE = "clinigate";

    public final RSAKey rsa = rsa("rsa-1");
    public final ECKey ec = ec("ec-1");
    public final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer http;
    private volatile JWKSet published = new JWKSet(List.of(rsa, ec));
    private volatile boolean failing;

    public TestIdp() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = failing
                    ? "down".getBytes(StandardCharsets.UTF_8)
                    : published.toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    public static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks";
    }

    /** Replaces the keys the JWKS endpoint serves (public parts only). */
    public void publish(JWK... keys) {
        published = new JWKSet(List.of(keys));
    }

    /** While true, the JWKS endpoint answers 503. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** The settings that point a gateway at this provider, as environment variables. */
    public Map<String, String> env(String mode) {
        return Map.of("CLINIGATE_AUTH_MODE", mode, "CLINIGATE_AUTH_OIDC_ISSUER", ISSUER,
                "CLINIGATE_AUTH_OIDC_AUDIENCE", AUDIENCE, "CLINIGATE_AUTH_OIDC_JWKS_URL", jwksUrl());
    }

    /** A token for tenant hospital-a, subject user-1, role clinician, valid for five minutes, signed by rsa-1. */
    public Token token() {
        return new Token(rsa);
    }

    /** The same default token, signed by {@code key}, without a running provider. */
    public static Token tokenSignedBy(JWK key) {
        return new Token(key);
    }

    @Override
    public void close() {
        http.stop(0);
    }

    /** A token being built; every setter returns this. */
    public static final class Token {
        private final JWTClaimsSet.Builder claims;
        private JWK key;
        private JWSAlgorithm alg;
        private JOSEObjectType type = JOSEObjectType.JWT;

        Token(JWK key) {
            Instant now = Instant.now();
            this.claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("user-1")
                    .claim("tenant", "hospital-a").claim("roles", List.of("clinician")).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
            signedBy(key);
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token tenant(String tenant) {
            return claim("tenant", tenant);
        }

        public Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        public Token without(String name) {
            return claim(name, null);
        }

        public Token expires(Instant at) {
            return claim("exp", Date.from(at));
        }

        public Token notBefore(Instant at) {
            return claim("nbf", Date.from(at));
        }

        public Token issued(Instant at) {
            return claim("iat", Date.from(at));
        }

        public Token type(JOSEObjectType type) {
            this.type = type;
            return this;
        }

        public Token signedBy(JWK key) {
            this.key = key;
            this.alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            return this;
        }

        public String sign() {
            try {
                JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(type).build(),
                        claims.build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims as an HS256 token under a secret the gateway never agreed to. */
        public String signHs256(byte[] secret) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims, unsigned: alg none. */
        public String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }
    }
}
