package org.clinigate.server.http;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RemoteJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.health.HealthStatus;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.server.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's public keys, from {@code auth.oidc.jwks_url} or {@code auth.oidc.jwks_file}, through nimbus's
 * {@link JWKSourceBuilder}: cached for five minutes, re-read when a token names a key id the cache lacks (at most
 * twice in 30 seconds, so random key ids cannot hammer the identity provider), and for a URL, retried once,
 * refreshed ahead of expiry and served from the last good copy through an outage of the provider. {@link #failing}
 * says whether the last fetch failed, which tells "the provider is down" (503) from "no such key" (401). Thread
 * safe.
 */
final class JwksSource implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JwksSource.class);
    private static final int TIMEOUT_MS = 2_000;

    private final JWKSource<SecurityContext> keys;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final String where;

    private JwksSource(JWKSourceBuilder<SecurityContext> builder, String where) {
        this.where = where;
        this.keys = builder.healthReporting(report -> {
            boolean bad = report.getHealthStatus() == HealthStatus.NOT_HEALTHY;
            if (failing.getAndSet(bad) != bad) {
                if (bad) {
                    Exception e = report.getException();
                    LOG.warn("CG-4014 the identity provider's keys at {} cannot be fetched ({})", where,
                            e == null ? "unknown" : e.getClass().getSimpleName());
                } else {
                    LOG.info("the identity provider's keys at {} can be fetched again", where);
                }
            }
        }).build();
    }

    /** The source the settings name; a {@code jwks_file} is read once here, so a bad one stops start-up. */
    static JwksSource of(GatewayConfig.Oidc oidc) {
        if (oidc.jwksFile() != null && !oidc.jwksFile().isBlank()) {
            FileSource file = new FileSource(Path.of(oidc.jwksFile()));
            try {
                if (file.read().isEmpty()) {
                    throw new ClinigateException(ErrorCode.CG_1001, "setting auth.oidc.jwks_file: holds no public key");
                }
            } catch (JWKSetUnavailableException e) {
                throw new ClinigateException(ErrorCode.CG_1001,
                        "setting auth.oidc.jwks_file: cannot be read as a JWKS (" + e.getMessage() + ")");
            }
            // A file needs no retries or outage cache; re-reading it on an unknown kid picks up a rotation.
            return new JwksSource(JWKSourceBuilder.create(file).refreshAheadCache(false), "auth.oidc.jwks_file");
        }
        URL url = url(oidc.jwksUrl());
        if ("http".equals(url.getProtocol()) && !isLoopback(url.getHost())) {
            LOG.warn("auth.oidc.jwks_url uses plain http to a remote host: anyone on the path can swap the keys");
        }
        DefaultResourceRetriever http = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS,
                RemoteJWKSet.DEFAULT_HTTP_SIZE_LIMIT);
        String shown = url.getProtocol() + "://" + url.getAuthority() + url.getPath();
        return new JwksSource(JWKSourceBuilder.<SecurityContext>create(url, http).retrying(true)
                .outageTolerant(true), shown);
    }

    JWKSource<SecurityContext> keys() {
        return keys;
    }

    /** Whether the last attempt to fetch the keys failed (and no earlier copy could stand in). */
    boolean failing() {
        return failing.get();
    }

    @Override
    public void close() throws IOException {
        if (keys instanceof Closeable c) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "JwksSource[" + where + "]";
    }

    private static URL url(String url) {
        try {
            return URI.create(url).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new ClinigateException(ErrorCode.CG_1001, "setting auth.oidc.jwks_url: not a URL");
        }
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    /** A JWKS file, read afresh whenever the cache above asks; only public keys are kept. */
    private record FileSource(Path path) implements JWKSetSource<SecurityContext> {

        JWKSet read() throws JWKSetUnavailableException {
            try {
                return JWKSet.load(path.toFile()).toPublicJWKSet();
            } catch (IOException | ParseException e) {
                throw new JWKSetUnavailableException("the JWKS file cannot be read (" + e.getClass().getSimpleName()
                        + ")", e);
            }
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
                throws JWKSetUnavailableException {
            return read();
        }

        @Override
        public void close() {
        }
    }
}
