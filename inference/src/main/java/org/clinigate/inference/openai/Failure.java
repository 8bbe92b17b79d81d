package org.clinigate.inference.openai;

import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * A failed attempt: the error to report, whether another attempt may help (only before the first token; the
 * caller checks that), and whether it counts against the circuit breaker. A 4xx answer means the backend is
 * healthy and the request was wrong, so it does not count.
 */
record Failure(ClinigateException error, boolean retriable, boolean breakerFailure) {

    /** A non-2xx status. The body is never read into the message: it may quote the prompt. */
    static Failure status(int status) {
        String detail = "backend answered HTTP " + status;
        if (status == 429) {
            return new Failure(new ClinigateException(ErrorCode.CG_2106, detail), true, true);
        }
        if (status == 408) {
            return new Failure(new ClinigateException(ErrorCode.CG_2102, detail), true, true);
        }
        if (status >= 500) {
            return new Failure(new ClinigateException(ErrorCode.CG_2104, detail), true, true);
        }
        return new Failure(new ClinigateException(ErrorCode.CG_2105, detail), false, false);
    }

    /**
     * An I/O failure: an abort from outside, or the connection failing before or after the first token.
     *
     * @param chunks content chunks already handed on
     */
    static Failure io(Attempt.Abort abort, int chunks, boolean connected) {
        if (abort != null) {
            return switch (abort) {
                case FIRST_TOKEN -> new Failure(new ClinigateException(ErrorCode.CG_2102,
                        "backend sent no token within the first-token time-out"), false, true);
                case TOTAL -> new Failure(new ClinigateException(ErrorCode.CG_2102,
                        "backend did not finish within the total time-out, after " + chunks + " chunks"), false, true);
                case CANCELLED -> new Failure(new ClinigateException(ErrorCode.CG_2005,
                        "generation cancelled after " + chunks + " chunks"), false, false);
            };
        }
        if (chunks > 0) {
            return new Failure(new ClinigateException(ErrorCode.CG_2103,
                    "backend connection lost mid-stream, after " + chunks + " chunks"), false, true);
        }
        return new Failure(new ClinigateException(ErrorCode.CG_2101, connected
                ? "backend connection lost before the first token"
                : "backend cannot be reached"), true, true);
    }

    /** A malformed answer: not retried (the backend is likely misconfigured), counted by the breaker. */
    static Failure malformed(ClinigateException e) {
        return new Failure(e, false, true);
    }

    static Failure wrongContentType(String expected, String got) {
        return malformed(new ClinigateException(ErrorCode.CG_2103, "backend answered with content type "
                + sanitise(got) + " where " + expected + " was expected"));
    }

    static Failure circuitOpen(String backend) {
        return new Failure(new ClinigateException(ErrorCode.CG_2101, "backend " + backend
                + " is failing; its circuit breaker is open and calls are refused for a while"), false, false);
    }

    /** Keeps only the media type's safe characters; a header is attacker-controlled text. */
    private static String sanitise(String contentType) {
        if (contentType == null || contentType.isEmpty()) {
            return "(none)";
        }
        String media = contentType.split(";", 2)[0].strip();
        String safe = media.replaceAll("[^A-Za-z0-9/+.-]", "");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
