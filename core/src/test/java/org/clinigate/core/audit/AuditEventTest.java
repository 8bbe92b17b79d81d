package org.clinigate.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final String CANARY = "Canary-Zebulon-4471";

    private static AuditEvent.Builder valid() {
        return AuditEvent.builder().who("tenant-a", "key-1", "clinician").endpoint("POST /v1/chat/completions")
                .model("medgemma-4b-it");
    }

    @Test
    void digest_is_sha256_hex_of_utf8() {
        assertThat(AuditEvent.digest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(AuditEvent.digest(null)).isNull();
    }

    @Test
    void to_string_prints_lengths_not_text() {
        AuditEvent event = valid().prompt("note about " + CANARY).response(CANARY + " reply").build();

        assertThat(event.toString()).doesNotContain(CANARY).contains("promptChars=" + event.promptText().length());
        AuditRecord record = new AuditRecord(1, Instant.now(), event, AuditRecord.GENESIS, "a".repeat(64));
        assertThat(record.toString()).doesNotContain(CANARY);
    }

    @Test
    void without_text_keeps_the_digests() {
        AuditEvent event = valid().prompt("p").response("r").build().withoutText();

        assertThat(event.promptText()).isNull();
        assertThat(event.responseText()).isNull();
        assertThat(event.promptDigest()).isEqualTo(AuditEvent.digest("p"));
        assertThat(event.responseDigest()).isEqualTo(AuditEvent.digest("r"));
    }

    @Test
    void rejects_nul_characters_and_names_the_field_without_its_value() {
        assertThatThrownBy(() -> valid().prompt(CANARY + "\0").build()).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-4004").hasMessageContaining("promptText")
                .hasMessageNotContaining(CANARY);
        assertThatThrownBy(() -> valid().who("t\0", "p", "r").build()).hasMessageContaining("tenant");
    }

    @Test
    void rejects_missing_identity_out_of_range_numbers_and_bad_digests() {
        assertThatThrownBy(() -> valid().who(" ", "p", "r").build()).hasMessageContaining("tenant");
        assertThatThrownBy(() -> valid().outcome(AuditOutcome.ERROR, 99, null).build())
                .hasMessageContaining("httpStatus");
        assertThatThrownBy(() -> valid().outcome(AuditOutcome.ERROR, 500, "oops").build())
                .hasMessageContaining("errorCode");
        assertThatThrownBy(() -> valid().tokens(-1, 0).build()).hasMessageContaining("token");
        AuditEvent ok = valid().build();
        assertThatThrownBy(() -> new AuditEvent(ok.tenant(), ok.principal(), ok.role(), ok.endpoint(), null, null,
                AuditOutcome.ALLOWED, 200, null, 0, 0, 0, List.of(), "ABC", null, null, null))
                .hasMessageContaining("digests");
        assertThatThrownBy(() -> valid().model("m".repeat(257)).build()).hasMessageContaining("model has 257");
    }

    @Test
    void copies_rail_flags_and_limits_them() {
        List<String> flags = new ArrayList<>(List.of("disclaimer", "dose-limit"));
        AuditEvent event = valid().railFlags(flags).build();
        flags.add("later");

        assertThat(event.railFlags()).containsExactly("disclaimer", "dose-limit");
        assertThatThrownBy(() -> valid().railFlags(List.of("a\nb")).build()).hasMessageContaining("control");
        assertThatThrownBy(() -> valid().railFlags(Collections.nCopies(51, "f")).build())
                .hasMessageContaining("at most 50");
    }

    @Test
    void records_truncate_time_to_microseconds_and_check_hashes() {
        Instant t = Instant.parse("2026-01-02T03:04:05.123456789Z");
        AuditRecord record = new AuditRecord(3, t, valid().build(), AuditRecord.GENESIS, "b".repeat(64));

        assertThat(record.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThatThrownBy(() -> new AuditRecord(0, t, valid().build(), AuditRecord.GENESIS, "b".repeat(64)))
                .hasMessageContaining("sequence");
        assertThatThrownBy(() -> new AuditRecord(1, t, valid().build(), "x", "b".repeat(64)))
                .hasMessageContaining("hex");
    }

    @Test
    void a_broken_report_names_the_sequence_and_throws_cg_4003_on_require() {
        VerifyReport report = new VerifyReport(6, 1, 20,
                new VerifyReport.Break(7, VerifyReport.Reason.DELETED, "record 7 is missing"));

        assertThat(report.ok()).isFalse();
        assertThat(report.describe()).contains("sequence 7").contains("DELETED");
        assertThatThrownBy(report::requireOk).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_4003));
        assertThat(VerifyReport.intact(20, 2, 20).requireOk().ok()).isTrue();
    }
}
