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
        http.createContext("/authorize", this::authorize);
        http.createContext("/token", this::token);
        http.start();
    }

    /** The client id of the reviewer console at this provider. */
    public static final String CONSOLE_CLIENT = "clinigate-console";
    /** What the sign-in endpoints hand out: the token issued for the next code, or null to refuse. */
    public volatile java.util.function.Supplier<String> consoleToken = () -> token().roles("reviewer").sign();
    /** While true, the token endpoint answers 503. */
    public volatile boolean tokenEndpointFailing;
    private final Map<String, String[]> codes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The settings that also turn on the console's single sign-on at this provider. */
    public Map<String, String> consoleEnv(String mode) {
        Map<String, String> env = new java.util.HashMap<>(env(mode));
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        env.put("CLINIGATE_AUTH_OIDC_CONSOLE_CLIENT_ID", CONSOLE_CLIENT);
        env.put("CLINIGATE_AUTH_OIDC_CONSOLE_AUTHORIZATION_ENDPOINT", base + "/authorize");
        env.put("CLINIGATE_AUTH_OIDC_CONSOLE_TOKEN_ENDPOINT", base + "/token");
        return env;
    }

    /** Signs the user in at once: checks the PKCE request, remembers the challenge, redirects back with a code. */
    private void authorize(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        String redirect = q.getOrDefault("redirect_uri", "");
        boolean ok = "code".equals(q.get("response_type")) && CONSOLE_CLIENT.equals(q.get("client_id"))
                && "S256".equals(q.get("code_challenge_method")) && q.getOrDefault("code_challenge", "").length() == 43
                && redirect.endsWith("/console/index.html");
        if (!ok) {
            send(exchange, 400, "text/plain", "bad authorization request");
            return;
        }
        String code = java.util.UUID.randomUUID().toString();
        codes.put(code, new String[]{q.get("code_challenge"), redirect});
        exchange.getResponseHeaders().set("Location", redirect + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Redeems a code once, for the verifier whose SHA-256 is the remembered challenge. */
    private void token(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        if (tokenEndpointFailing) {
            send(exchange, 503, "text/plain", "down");
            return;
        }
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] issued = codes.remove(f.getOrDefault("code", ""));
        boolean ok = issued != null && "authorization_code".equals(f.get("grant_type")) && CONSOLE_CLIENT.equals(f
                .get("client_id")) && issued[1].equals(f.get("redirect_uri")) && issued[0].equals(s256(f.getOrDefault(
                        "code_verifier", "")));
        String token = ok ? consoleToken.get() : null;
        if (token == null) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static String s256(String verifier) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(
                    StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
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
