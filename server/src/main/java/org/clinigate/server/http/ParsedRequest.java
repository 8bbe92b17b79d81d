package org.clinigate.server.http;

import org.clinigate.core.chat.ChatRequest;

/** A chat completion request as parsed from the wire, with the gateway's own options beside it. */
record ParsedRequest(ChatRequest request, boolean stream, boolean includeUsage, String patientId,
        String conversationId) {

    @Override
    public String toString() {
        return "ParsedRequest[" + request + ", stream=" + stream + "]";
    }
}
