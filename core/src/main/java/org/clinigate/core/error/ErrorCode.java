package org.clinigate.core.error;

/**
 * The catalogue of stable error codes. A code never changes meaning once released; messages may be
 * reworded. Codes carry sizes, line numbers and setting names, never user text.
 */
public enum ErrorCode {
    /** A command-line argument or setting has a value that is not allowed. */
    CG_1001(1001, false),
    /** An input file cannot be read, or is missing. */
    CG_1002(1002, false),
    /** Input bytes are not valid UTF-8. */
    CG_1003(1003, false),
    /** Input looks binary (NUL bytes or control characters). */
    CG_1004(1004, false),
    /** A JSONL line is not a JSON object of the expected shape. */
    CG_1005(1005, false),
    /** A record exceeds the configured size limit. */
    CG_1006(1006, false),
    /** Output could not be written or moved into place. */
    CG_1007(1007, true),
    /** A gold-standard file is inconsistent (spans out of bounds, unknown category). */
    CG_1008(1008, false),
    /** A lexicon or other bundled resource is missing or corrupt. */
    CG_1009(1009, false),
    /** An internal invariant failed; a bug. */
    CG_1999(1999, false);

    private final int number;
    private final boolean retriable;

    ErrorCode(int number, boolean retriable) {
        this.number = number;
        this.retriable = retriable;
    }

    /** The printed form, for example {@code CG-1003}. */
    public String code() {
        return "CG-" + number;
    }

    /** True when the same call may succeed later without change (I/O, rate limits, time-outs). */
    public boolean retriable() {
        return retriable;
    }
}
