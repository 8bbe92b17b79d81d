package org.clinigate.core.error;

import java.util.Objects;

/**
 * The one exception family of Clinigate. Its message starts with the stable code ({@code CG-1003: ...})
 * and must never contain user text or PHI: only ids, sizes, line numbers and setting names.
 */
public class ClinigateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ClinigateException(ErrorCode code, String detail) {
        super(code.code() + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ClinigateException(ErrorCode code, String detail, Throwable cause) {
        super(code.code() + ": " + detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public boolean retriable() {
        return code.retriable();
    }
}
