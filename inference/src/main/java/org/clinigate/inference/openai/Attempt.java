package org.clinigate.inference.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange that other threads can abort: a time-out timer or a caller's cancel. Aborting cancels the
 * pending request or closes the response body, which wakes the thread blocked on it with an {@link IOException};
 * {@link #aborted()} then tells why. Thread safe.
 */
final class Attempt {

    /** Why an attempt was aborted from outside. */
    enum Abort {
        FIRST_TOKEN, TOTAL, CANCELLED
    }

    private final AtomicReference<Abort> aborted = new AtomicReference<>();
    private volatile CompletableFuture<HttpResponse<InputStream>> pending;
    private volatile InputStream body;

    /** Sends the request and waits for the response headers. */
    HttpResponse<InputStream> send(HttpClient client, HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<InputStream>> future = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        pending = future;
        if (aborted.get() != null) {
            future.cancel(true);
        }
        try {
            HttpResponse<InputStream> response = future.get();
            body = response.body();
            if (aborted.get() != null) {
                close();
            }
            return response;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("request failed", e.getCause());
        } catch (CancellationException e) {
            throw new IOException("request aborted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(Abort.CANCELLED);
            throw new InterruptedIOException("interrupted while waiting for the backend");
        }
    }

    /** Aborts once; later calls keep the first reason. */
    void abort(Abort why) {
        if (aborted.compareAndSet(null, why)) {
            CompletableFuture<HttpResponse<InputStream>> p = pending;
            if (p != null) {
                p.cancel(true);
            }
            close();
        }
    }

    Abort aborted() {
        return aborted.get();
    }

    /** Closes the response body, if any; closing an unread body also drops the connection. */
    void close() {
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException ignored) {
                // Closing is best effort; the connection is abandoned either way.
            }
        }
    }
}
