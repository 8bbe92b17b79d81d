package org.clinigate.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.server.config.GatewayConfig;

/**
 * Single sign-on for the reviewer console: the OAuth 2.0 authorization code flow with PKCE (RFC 7636), with the
 * code exchanged by the gateway rather than by the browser.
 *
 * <p>{@code GET /console/sso.json} tells the console where to send the browser ({@code enabled: false} when no
 * console client is configured). The browser signs in at the identity provider and comes back with a code;
 * {@code POST /console/sso/token} with {@code code}, {@code code_verifier} and {@code redirect_uri} makes the gateway
 * redeem it at the token endpoint, server to server, and answers with the configured token. Doing the exchange here
 * keeps the console's content security policy at {@code connect-src 'self'}, needs no CORS at the identity provider,
 * and lets a site use a confidential client whose secret never reaches a browser. The token is then an ordinary
 * bearer token: every {@code /v1} request checks it (signature, issuer, audience, roles) as it checks any other.
 *
 * <p>Failures: a malformed request is CG-2001 (400); the identity provider refusing the code is CG-4013 (401), naming
 * its OAuth error code only; an unreachable or failing provider is CG-4014 (503). Codes, verifiers and tokens are
 * never logged or put in messages. Thread safe.
 */
final class ConsoleSignOn {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 7636: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CODE = Pattern.compile("[\\x21-\\x7E]{1,2048}");
    private static final Pattern OAUTH_ERROR = Pattern.compile("[a-z_]{1,40}");
    private static final int MAX_BODY = 8 * 1024;

    private final GatewayConfig.Console console;
    private final String clientSecret;
    private final HttpClient http;

    ConsoleSignOn(GatewayConfig.Console console, String clientSecret) {
        this.console = console;
        this.clientSecret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(
                HttpClient.Redirect.NEVER).build();
    }

    /** {@code GET /console/sso.json}. */
    void settings(Context ctx) {
        ObjectNode out = JSON.createObjectNode();
        out.put("enabled", console != null && console.enabled());
        if (console != null && console.enabled()) {
            out.put("authorization_endpoint", console.authorizationEndpoint()).put("client_id", console.clientId())
                    .put("scope", console.scope());
        }
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(out.toString());
    }

    /** {@code POST /console/sso/token}. */
    void token(Context ctx) {
        if (console == null || !console.enabled()) {
            throw new ClinigateException(ErrorCode.CG_3001, "single sign-on is not configured for the console");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new ClinigateException(ErrorCode.CG_2001, "sign-in request too large");
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_2001, "sign-in request is not JSON");
        }
        String code = field(body, "code", CODE);
        String verifier = field(body, "code_verifier", VERIFIER);
        String redirect = body == null ? "" : body.path("redirect_uri").asText("");
        if (!redirect.matches("https?://[^\\s#?]{1,400}/console/index\\.html")) {
            throw new ClinigateException(ErrorCode.CG_2001, "redirect_uri must be this console's index.html");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("client_id", console.clientId());
        form.put("code_verifier", verifier);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        String token = exchange(form);
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(JSON.createObjectNode().put(
                "token", token).toString());
    }

    private String exchange(Map<String, String> form) {
        String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(console.tokenEndpoint())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_4014, "the identity provider's token endpoint could not be "
                    + "reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClinigateException(ErrorCode.CG_4014, "interrupted while signing in");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(r.body());
        } catch (IOException e) {
            answer = null;
        }
        if (r.statusCode() >= 500 || answer == null) {
            throw new ClinigateException(ErrorCode.CG_4014, "the identity provider's token endpoint failed (HTTP "
                    + r.statusCode() + ")");
        }
        if (r.statusCode() != 200) {
            String error = answer.path("error").asText("");
            throw new ClinigateException(ErrorCode.CG_4013, "the identity provider refused the sign-in"
                    + (OAUTH_ERROR.matcher(error).matches() ? " (" + error + ")" : ""));
        }
        String token = answer.path(console.token()).asText("");
        if (token.isEmpty() || token.length() > 16_384) {
            throw new ClinigateException(ErrorCode.CG_4013, "the identity provider's answer holds no " + console
                    .token());
        }
        return token;
    }

    private static String field(JsonNode body, String name, Pattern shape) {
        String v = body == null ? "" : body.path(name).asText("");
        if (!shape.matcher(v).matches()) {
            throw new ClinigateException(ErrorCode.CG_2001, name + " is missing or malformed");
        }
        return v;
    }
}
