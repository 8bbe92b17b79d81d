package org.clinigate.core.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.clinigate.core.chat.ChatRequest;

/**
 * One chat request as the pipeline receives it: who sent it, what they asked, and the optional patient
 * and conversation ids that choose its pseudonym scope. {@code toString()} prints no ids.
 */
public record ChatCall(Principal principal, ChatRequest request, String patientId, String conversationId) {

    public ChatCall {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        patientId = blankToNull(patientId);
        conversationId = blankToNull(conversationId);
    }

    /**
     * The scope whose pseudonyms this call uses: the patient's when given (stable across all of that
     * patient's conversations), else the conversation's, else none (a scope for this request alone).
     */
    public Optional<ScopeKey> scope() {
        if (patientId != null) {
            return Optional.of(ScopeKey.patient(principal.tenant(), patientId));
        }
        if (conversationId != null) {
            return Optional.of(ScopeKey.conversation(principal.tenant(), conversationId));
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "ChatCall[tenant=" + principal.tenant() + ", " + request + ", patient=" + (patientId != null)
                + ", conversation=" + (conversationId != null) + "]";
    }
}
