package org.clinigate.core.audit;

import org.clinigate.core.Sha256;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * What the pipeline knows about one request, handed to {@link AuditLog#append}. The log adds the sequence, the
 * time and the hashes. Prompt and response are de-identified text; the log keeps them only when its settings say
 * so, and otherwise keeps only their digests ({@link #digest}). {@code toString()} prints lengths, never text.
 *
 * <p>Every string must be free of NUL characters (PostgreSQL cannot store them); identifiers have length limits
 * that match the database columns. A violation throws {@code CG-4004}.
 *
 * @param tenant the tenant id, 1 to 128 characters
 * @param principal who called: an API key id or a token subject, 1 to 256 characters
 * @param role the role the call was made under, 1 to 64 characters
 * @param endpoint the endpoint, for example {@code POST /v1/chat/completions}, 1 to 256 characters
 * @param model the model or adapter asked for, up to 256 characters, or null
 * @param task the clinical task, up to 128 characters, or null
 * @param outcome allowed, denied or error
 * @param httpStatus the status the client got, 100 to 599
 * @param errorCode the error code the client got, for example {@code CG-2101}, or null
 * @param promptTokens prompt tokens, at least 0
 * @param completionTokens generated tokens, at least 0
 * @param latencyMicros time from request to response, in microseconds, at least 0
 * @param railFlags the rails that fired, each 1 to 64 characters without control characters, at most 50
 * @param promptDigest SHA-256 of the de-identified prompt as 64 lowercase hex digits, or null
 * @param responseDigest SHA-256 of the de-identified response, or null
 * @param promptText the de-identified prompt, or null
 * @param responseText the de-identified response, or null
 */
public record AuditEvent(String tenant, String principal, String role, String endpoint, String model, String task,
        AuditOutcome outcome, int httpStatus, String errorCode, int promptTokens, int completionTokens,
        long latencyMicros, List<String> railFlags, String promptDigest, String responseDigest, String promptText,
        String responseText) {

    /** The most characters a stored prompt or response may have. */
    public static final int MAX_TEXT = 4 * 1024 * 1024;
    static final int MAX_FLAGS = 50;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ERROR_CODE = Pattern.compile("CG-[0-9]{4}");

    public AuditEvent {
        required("tenant", tenant, 128);
        required("principal", principal, 256);
        required("role", role, 64);
        required("endpoint", endpoint, 256);
        optional("model", model, 256);
        optional("task", task, 128);
        if (outcome == null) {
            throw invalid("outcome is missing");
        }
        if (httpStatus < 100 || httpStatus > 599) {
            throw invalid("httpStatus must be in [100, 599], got " + httpStatus);
        }
        if (errorCode != null && !ERROR_CODE.matcher(errorCode).matches()) {
            throw invalid("errorCode must look like CG-1234");
        }
        if (promptTokens < 0 || completionTokens < 0 || latencyMicros < 0) {
            throw invalid("token counts and latency must be >= 0");
        }
        railFlags = railFlags == null ? List.of() : List.copyOf(railFlags);
        checkFlags(railFlags);
        if (promptDigest != null && !isDigest(promptDigest) || responseDigest != null && !isDigest(responseDigest)) {
            throw invalid("digests must be 64 lowercase hex digits");
        }
        optional("promptText", promptText, MAX_TEXT);
        optional("responseText", responseText, MAX_TEXT);
    }

    /** SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits; null for null. */
    public static String digest(String text) {
        return text == null ? null : Sha256.hex(text);
    }

    /** This event without prompt and response text; the digests stay. */
    public AuditEvent withoutText() {
        if (promptText == null && responseText == null) {
            return this;
        }
        return new AuditEvent(tenant, principal, role, endpoint, model, task, outcome, httpStatus, errorCode,
                promptTokens, completionTokens, latencyMicros, railFlags, promptDigest, responseDigest, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    static boolean isDigest(String value) {
        return value != null && DIGEST.matcher(value).matches();
    }

    private static void required(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is missing or blank");
        }
        optional(name, value, max);
    }

    private static void optional(String name, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw invalid(name + " has " + value.length() + " characters, more than " + max);
        }
        if (value.indexOf('\0') >= 0) {
            throw invalid(name + " holds a NUL character");
        }
    }

    private static void checkFlags(List<String> flags) {
        if (flags.size() > MAX_FLAGS) {
            throw invalid("at most " + MAX_FLAGS + " rail flags, got " + flags.size());
        }
        for (String flag : flags) {
            required("railFlag", flag, 64);
            if (flag.chars().anyMatch(Character::isISOControl)) {
                throw invalid("a rail flag holds a control character");
            }
        }
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_4004, "audit event: " + detail);
    }

    @Override
    public String toString() {
        return "AuditEvent[tenant=" + tenant + ", principal=" + principal + ", role=" + role + ", endpoint=" + endpoint
                + ", model=" + model + ", task=" + task + ", outcome=" + outcome + ", httpStatus=" + httpStatus
                + ", errorCode=" + errorCode + ", tokens=" + promptTokens + "+" + completionTokens + ", latencyMicros="
                + latencyMicros + ", railFlags=" + railFlags + ", promptChars=" + length(promptText)
                + ", responseChars=" + length(responseText) + "]";
    }

    private static String length(String text) {
        return text == null ? "none" : Integer.toString(text.length());
    }

    /** Builds an event; the pipeline fills what it knows. Not thread-safe. */
    public static final class Builder {
        private String tenant;
        private String principal;
        private String role;
        private String endpoint;
        private String model;
        private String task;
        private AuditOutcome outcome = AuditOutcome.ALLOWED;
        private int httpStatus = 200;
        private String errorCode;
        private int promptTokens;
        private int completionTokens;
        private long latencyMicros;
        private List<String> railFlags = List.of();
        private String promptDigest;
        private String responseDigest;
        private String promptText;
        private String responseText;

        private Builder() {
        }

        public Builder who(String tenant, String principal, String role) {
            this.tenant = tenant;
            this.principal = principal;
            this.role = role;
            return this;
        }

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder task(String task) {
            this.task = task;
            return this;
        }

        /** The outcome, the HTTP status and the error code (null when none). */
        public Builder outcome(AuditOutcome outcome, int httpStatus, String errorCode) {
            this.outcome = outcome;
            this.httpStatus = httpStatus;
            this.errorCode = errorCode;
            return this;
        }

        public Builder tokens(int prompt, int completion) {
            this.promptTokens = prompt;
            this.completionTokens = completion;
            return this;
        }

        public Builder latencyMicros(long micros) {
            this.latencyMicros = micros;
            return this;
        }

        public Builder railFlags(List<String> flags) {
            this.railFlags = Objects.requireNonNull(flags, "flags");
            return this;
        }

        /** The de-identified prompt: its digest always, the text itself only if the log stores text. */
        public Builder prompt(String deidentifiedPrompt) {
            this.promptDigest = digest(deidentifiedPrompt);
            this.promptText = deidentifiedPrompt;
            return this;
        }

        /** The de-identified response: its digest always, the text itself only if the log stores text. */
        public Builder response(String deidentifiedResponse) {
            this.responseDigest = digest(deidentifiedResponse);
            this.responseText = deidentifiedResponse;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(tenant, principal, role, endpoint, model, task, outcome, httpStatus, errorCode,
                    promptTokens, completionTokens, latencyMicros, railFlags, promptDigest, responseDigest, promptText,
                    responseText);
        }
    }
}
