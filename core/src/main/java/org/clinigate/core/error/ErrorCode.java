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
    /** A model download was refused: no access (HTTP 401/403: HF_TOKEN, model terms) or no such file (404). */
    CG_1010(1010, false),
    /** A downloaded model file does not match its expected sha256; the partial download is removed. */
    CG_1011(1011, false),
    /** A model download failed on the network after its retries (time-out, reset, 5xx); a rerun resumes. */
    CG_1012(1012, true),
    /** A chat request is invalid: a field is missing or out of range (HTTP 400). */
    CG_2001(2001, false),
    /** No configured backend serves the requested model (HTTP 404). */
    CG_2002(2002, false),
    /** The backend cannot do what the request needs, such as image input in-process (HTTP 400). */
    CG_2003(2003, false),
    /** Prompt plus max_tokens exceed the model's context window (HTTP 400). */
    CG_2004(2004, false),
    /** The generation was cancelled by the caller, usually because the client went away (HTTP 499). */
    CG_2005(2005, false),
    /** The backend cannot be reached: connection refused or reset, or its circuit breaker is open (HTTP 503). */
    CG_2101(2101, true),
    /** The backend did not answer in time: first-token or total time-out (HTTP 504). */
    CG_2102(2102, true),
    /** The backend's answer is malformed: bad JSON, wrong content type, or a stream cut short (HTTP 502). */
    CG_2103(2103, false),
    /** The backend answered with a server error status, 5xx (HTTP 502). */
    CG_2104(2104, true),
    /** The backend refused the request with a 4xx status other than 404 and 429 (HTTP 502). */
    CG_2105(2105, false),
    /** The backend is at capacity: all in-process slots busy, or HTTP 429 upstream (HTTP 503). */
    CG_2106(2106, true),
    /** No model is loaded yet; the message says which setting to fix (HTTP 503). */
    CG_2107(2107, true),
    /** No endpoint at this path (HTTP 404). */
    CG_3001(3001, false),
    /** The endpoint exists but not for this HTTP method (HTTP 405). */
    CG_3002(3002, false),
    /** The request body is not JSON (Content-Type other than application/json) (HTTP 415). */
    CG_3003(3003, false),
    /** The gateway is shutting down and takes no new requests (HTTP 503). */
    CG_3004(3004, true),
    /** The database cannot be reached or did not answer in time; the pool reconnects by itself (HTTP 503). */
    CG_4001(4001, true),
    /** An audit record could not be written, so the request that needed it fails (HTTP 503). */
    CG_4002(4002, true),
    /** The audit chain does not verify: a record was changed, deleted, inserted or reordered, or a checkpoint is bad. */
    CG_4003(4003, false),
    /** An audit event is invalid: a field is missing, too long, or holds a NUL character; a bug in the caller. */
    CG_4004(4004, false),
    /** The database schema could not be migrated, or is newer than this build. */
    CG_4005(4005, false),
    /**
     * The PHI vault's keyset is missing or unusable: no key variable or file configured, unreadable, not a Tink
     * JSON keyset, or without an AES-256-GCM primary key. The message names the setting.
     */
    CG_4030(4030, false),
    /**
     * A PHI vault record cannot be decrypted or decoded: the keyset lacks its key, or the row was altered or copied
     * from another scope. Nothing of it is returned.
     */
    CG_4031(4031, false),
    /** A PHI vault scope kept changing under concurrent writers and could not be saved; try again (HTTP 503). */
    CG_4032(4032, true),
    /**
     * No credentials, an Authorization header that is not "Bearer <value>", or a bearer value that is neither an
     * API key nor a JWT, or of a kind that auth.mode does not accept (HTTP 401).
     */
    CG_4010(4010, false),
    /** The API key is unknown or revoked (HTTP 401). */
    CG_4011(4011, false),
    /** The caller's role may not use this endpoint (HTTP 403). */
    CG_4012(4012, false),
    /**
     * The bearer token (an OIDC JWT) is refused: malformed, unsigned or of an algorithm not allowed, signed by an
     * unknown key or with a bad signature, of the wrong issuer or audience, expired or not yet valid, or missing a
     * required claim such as the tenant (HTTP 401). The message says which check failed, never the token.
     */
    CG_4013(4013, false),
    /** The identity provider's signing keys (JWKS) cannot be fetched, so no token can be checked yet (HTTP 503). */
    CG_4014(4014, true),
    /**
     * A quota is used up: the tenant's or the key's requests or tokens per minute (HTTP 429, with Retry-After). The
     * message names the limit.
     */
    CG_4020(4020, true),
    /** No such draft in the caller's tenant (HTTP 404). */
    CG_6101(6101, false),
    /**
     * The draft changed since the version the caller saw, or is no longer preliminary (signed twice, or signed after a
     * rejection): HTTP 409. Reload it and decide again.
     */
    CG_6102(6102, false),
    /** A knowledge document is of a type no importer reads (by file extension or content). */
    CG_5001(5001, false),
    /** A knowledge document cannot be parsed: a corrupt or encrypted PDF, malformed XML or HTML. */
    CG_5002(5002, false),
    /** A knowledge document holds no text to index (empty, or only markup or images). */
    CG_5003(5003, false),
    /** A knowledge document exceeds the import size limit; the message gives the size and the limit. */
    CG_5004(5004, false),
    /** The knowledge index cannot be opened or written: unreadable, corrupt, locked, or built by another model. */
    CG_5005(5005, false),
    /** The embedding model cannot be loaded or failed on an input. */
    CG_5006(5006, false),
    /**
     * A terminology file (ICD-10-CM order, codes or JSON file, RxNorm RRF or prescribable TSV, SNOMED CT RF2) does not
     * have the expected format; the message names the file kind and the line number.
     */
    CG_5101(5101, false),
    /** A missing-lab rule file cannot be loaded: not YAML, or a rule with a missing or invalid field (rule id, field). */
    CG_5102(5102, false),
    /** A FHIR Bundle cannot be read as a patient context: not JSON, not a Bundle, or a bad date (entry index, field). */
    CG_5103(5103, false),
    /**
     * A rail rule set cannot be loaded: not YAML, or a rule with a missing, unknown or invalid field. The message
     * names the rule set, the rule id and the field.
     */
    CG_6001(6001, false),
    /** A dose-limit or interaction table cannot be loaded; the message names the drug or pair and the field. */
    CG_6002(6002, false),
    /** A rule's own tests fail against its detector; the message names the rule and the test number. */
    CG_6003(6003, false),
    /**
     * An evaluation suite file cannot be read as its format: not JSON, a missing or invalid field, a duplicate id, or
     * a format that cannot be detected. The message names the file's line number (or file name) and the field.
     */
    CG_7001(7001, false),
    /**
     * An evaluation run directory does not fit the command: it already holds a run and {@code --resume} was not given,
     * a resumed run names another suite, model or mode, or its items file is damaged before its last line.
     */
    CG_7002(7002, false),
    /** A grader endpoint failed or answered something that is not a verdict; the item is marked grader_error. */
    CG_7003(7003, true),
    /** Two evaluation runs cannot be compared: a results or items file is missing or unreadable, or no id is shared. */
    CG_7004(7004, false),
    /** No model or adapter of this name in the registry (HTTP 404). */
    CG_7101(7101, false),
    /**
     * The adapter is registered but not approved (draft, evaluated or retired), or belongs to another base model, so
     * no request may use it (HTTP 403).
     */
    CG_7102(7102, false),
    /**
     * A registry state change is not allowed from the entry's current state (for example approving a draft, or
     * anything on a retired entry), or the entry changed since it was read (HTTP 409).
     */
    CG_7103(7103, false),
    /**
     * Approval refused: no thresholds are configured, the entry has no eval results, or a metric is missing or
     * outside its threshold. The message names each metric, its value and its bound (HTTP 409).
     */
    CG_7104(7104, false),
    /** A registry entry is invalid: a missing or too long field, a bad name, an unknown kind, state or risk level. */
    CG_7105(7105, false),
    /**
     * An eval results file cannot be used: unreadable, not JSON, without a top-level "metrics" object, or with a
     * metric that is not a finite number. The message names the file and the metric.
     */
    CG_7106(7106, false),
    /** A registry name is already taken (HTTP 409). */
    CG_7107(7107, false),
    /**
     * The backend cannot serve the approved adapter: the in-process model was loaded without this adapter file, or
     * the backend has no way to select adapters (HTTP 503). The message names the setting to fix.
     */
    CG_7108(7108, false),
    /**
     * A fine-tuning run failed its de-identification check: a canary value reached an output file. Nothing is left
     * in the output directory.
     */
    CG_7110(7110, false),
    /** A fine-tuning input line cannot be read: not JSON or a missing field; the message names the file and line. */
    CG_7111(7111, false),
    /** A fine-tuning setting is invalid: eval fraction outside [0, 0.9], no input at all, or an unusable option. */
    CG_7112(7112, false),
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
