package org.clinigate.inference.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request as {@link FakeOpenAiServer} received it. Holds whatever the gateway sent, which is exactly what tests
 * inspect for PHI; {@code toString()} prints sizes only.
 *
 * @param headers header names in lower case
 * @param body the parsed JSON body, or a missing node when it was not JSON
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body, int bodyBytes) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** True when the request asked for a stream. */
    public boolean streamed() {
        return body.path("stream").asBoolean(false);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", bytes=" + bodyBytes + "]";
    }
}
