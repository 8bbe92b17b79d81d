package org.clinigate.inference.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Opens {@code {endpoint}/{repo}/resolve/{revision}/{file}}, following redirects by hand so that the token goes to
 * the endpoint's own origin only: Hugging Face redirects large files to a CDN with a signed URL, which must never
 * see {@code Authorization}. Thread safe.
 */
final class HubClient implements AutoCloseable {

    private static final int MAX_REDIRECTS = 10;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    private final PullSettings settings;
    private final HttpClient client;

    HubClient(PullSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The final (non-redirect) response; its body must be closed. {@code linkedSha256} and {@code linkedSize} come
     * from the first hop, where Hugging Face states the LFS object's sha256 and size.
     */
    record Opened(int status, HttpResponse<InputStream> response, String linkedSha256, long linkedSize) {

        long contentLength() {
            return response.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        /** From {@code Content-Range}: start, end and total; -1 where absent or {@code *}. */
        long[] contentRange() {
            Optional<String> header = response.headers().firstValue("Content-Range");
            Matcher m = CONTENT_RANGE.matcher(header.orElse("").strip());
            if (!m.matches()) {
                return new long[]{-1, -1, -1};
            }
            return new long[]{m.group(1) == null ? -1 : Long.parseLong(m.group(1)),
                    m.group(2) == null ? -1 : Long.parseLong(m.group(2)),
                    "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3))};
        }

        InputStream body() {
            return response.body();
        }
    }

    URI resolveUri(ModelSpec spec) {
        return URI.create(settings.endpoint() + "/" + spec.repo() + "/resolve/" + spec.revision() + "/" + spec.file());
    }

    /** Sends GET, from {@code offset} on when it is positive. Network failures surface as IOException. */
    Opened open(ModelSpec spec, long offset) throws IOException, InterruptedException {
        URI uri = resolveUri(spec);
        String linkedSha = null;
        long linkedSize = -1;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET()
                    .header("User-Agent", "clinigate/0.1.0");
            if (offset > 0) {
                b.header("Range", "bytes=" + offset + "-");
            }
            if (settings.token() != null && sameOrigin(uri, settings.endpoint())) {
                b.header("Authorization", "Bearer " + settings.token());
            }
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (hop == 0) {
                linkedSha = r.headers().firstValue("X-Linked-Etag").map(HubClient::sha256FromEtag).orElse(null);
                linkedSize = r.headers().firstValueAsLong("X-Linked-Size").orElse(-1);
            }
            int status = r.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return new Opened(status, r, linkedSha, linkedSize);
            }
            r.body().close();
            uri = next(uri, r.headers().firstValue("Location").orElse(null), spec);
        }
        throw new ClinigateException(ErrorCode.CG_1010, "more than " + MAX_REDIRECTS + " redirects for " + spec.file());
    }

    /** The etag of an LFS file is its sha256; a git blob's is a 40-digit sha1, which is no use here. */
    static String sha256FromEtag(String etag) {
        String e = etag.strip();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        e = e.replace("\"", "").toLowerCase(Locale.ROOT);
        return HEX64.matcher(e).matches() ? e : null;
    }

    private static URI next(URI from, String location, ModelSpec spec) {
        if (location == null) {
            throw new ClinigateException(ErrorCode.CG_1010, "redirect without Location for " + spec.file());
        }
        URI to;
        try {
            to = from.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ClinigateException(ErrorCode.CG_1010, "malformed redirect for " + spec.file());
        }
        // A downgrade would expose the signed URL, and the bytes, to anyone on the path.
        if ("https".equals(from.getScheme()) && !"https".equals(to.getScheme())) {
            throw new ClinigateException(ErrorCode.CG_1010, "refusing a redirect from https to "
                    + to.getScheme() + " for " + spec.file());
        }
        if (!"http".equals(to.getScheme()) && !"https".equals(to.getScheme())) {
            throw new ClinigateException(ErrorCode.CG_1010, "redirect to an unsupported scheme for " + spec.file());
        }
        return to;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    @Override
    public void close() {
        client.close();
    }
}
