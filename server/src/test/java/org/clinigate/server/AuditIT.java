package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** Every API request leaves one audit record before its answer, and an audit that fails fails the request. */
class AuditIT {

    @Test
    void allowed_refused_and_streamed_requests_are_audited_without_phi() throws Exception {
        ScriptedBackend backend = new ScriptedBackend();
        try (Gateway g = new Gateway(backend, Map.of())) {
            g.post("/v1/chat/completions", Gateway.chat("Pt Zxqwerty Canarion, MRN 48213377.", false, null));
            g.post("/v1/chat/completions", Gateway.chat("Zxqwerty Canarion again", true, null));
            g.post("/v1/chat/completions", "{\"model\": \"test-model\"}");
            g.get("/v1/models");
            List<AuditRecord> records = g.store.auditLog().read(1, 100);
            assertThat(records).extracting(r -> r.event().outcome()).containsExactly(AuditOutcome.ALLOWED,
                    AuditOutcome.ALLOWED, AuditOutcome.ALLOWED, AuditOutcome.DENIED, AuditOutcome.ALLOWED);
            assertThat(records.get(4).event().endpoint()).isEqualTo("GET /v1/models");
            assertThat(records.get(0).event().promptDigest()).hasSize(64);
            assertThat(records.get(3).event().errorCode()).isEqualTo("CG-2001");
            assertThat(records.toString() + records.stream().map(r -> r.event().toString()).toList())
                    .doesNotContain("Canarion").doesNotContain("48213377");
            VerifyReport report = g.store.auditLog().verify();
            assertThat(report.ok()).isTrue();
            assertThat(report.recordsChecked()).isEqualTo(5);
        }
    }

    @Test
    void a_request_whose_audit_record_cannot_be_written_is_not_served() throws Exception {
        AuditLog broken = new AuditLog() {
            @Override
            public AuditRecord append(AuditEvent e) {
                throw new ClinigateException(ErrorCode.CG_4001, "database unavailable (test)");
            }

            @Override
            public VerifyReport verify() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AuditRecord> read(long fromSequence, int limit) {
                return List.of();
            }
        };
        ScriptedBackend backend = new ScriptedBackend();
        try (Gateway g = new Gateway(backend, Map.of(), broken)) {
            for (boolean stream : new boolean[]{false, true}) {
                HttpResponse<String> r = g.post("/v1/chat/completions", Gateway.chat("hello there", stream, null));
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.body()).contains("CG-400").doesNotContain("You said");
            }
            HttpResponse<String> models = g.get("/v1/models");
            assertThat(models.statusCode()).isEqualTo(503);
            assertThat(models.body()).doesNotContain("test-model");
        }
    }
}
