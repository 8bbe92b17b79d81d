package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rails on the chat endpoint: emergencies never reach the model, flags travel with the answer and the audit. */
class RailsIT {

    static ScriptedBackend backend;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        backend = new ScriptedBackend();
        gateway = new Gateway(backend, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void an_emergency_is_answered_with_the_fixed_instruction_and_never_reaches_the_model() throws Exception {
        int before = backend.received.size();
        for (boolean stream : new boolean[]{false, true}) {
            var r = gateway.post("/v1/chat/completions",
                    Gateway.chat("My throat is closing and I can't breathe after a bee sting", stream, null));
            assertThat(r.statusCode()).isEqualTo(200);
            String text = stream
                    ? Gateway.streamedText(r.body())
                    : Gateway.json(r.body()).path("choices").path(0).path("message").path("content").asText();
            assertThat(text).contains("Call emergency services or contact your clinician immediately.");
            assertThat(r.body()).contains("\"input\":\"block\"");
        }
        assertThat(backend.received.size()).isEqualTo(before);
        var records = gateway.store.auditLog().read(1, 1000);
        assertThat(records.get(records.size() - 1).event().railFlags()).anyMatch(f -> f.startsWith("input.emergency"));
    }

    @Test
    void a_clinician_asking_how_anaphylaxis_is_managed_gets_the_model() throws Exception {
        int before = backend.received.size();
        var r = gateway.post("/v1/chat/completions",
                Gateway.chat("What is the first-line management of anaphylaxis in adults?", false, null));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(backend.received.size()).isEqualTo(before + 1);
        assertThat(r.body()).doesNotContain("\"input\":\"block\"");
    }

    @Test
    void an_overdose_in_the_answer_is_flagged_or_blocked_and_reported_in_metrics() throws Exception {
        // The echo backend repeats the user's text, standing in for a model that writes this dose.
        var r = gateway.post("/v1/chat/completions", Gateway.chat(
                "Summarize: plan acetaminophen 5000 mg PO every 4 hours for pain.", false, null));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"output\":\"block\"").contains("output.med");
        assertThat(Gateway.json(r.body()).path("choices").path(0).path("message").path("content").asText())
                .doesNotContain("5000 mg");
        assertThat(gateway.get("/metrics").body()).contains("clinigate_rail_flags_total").contains("output.med");
    }
}
