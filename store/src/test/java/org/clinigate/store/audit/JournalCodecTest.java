package org.clinigate.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

    private static final String H1 = "a".repeat(64);
    private static final String H2 = "b".repeat(64);

    private static AuditRecord record(long sequence, String text) {
        AuditEvent event = new AuditEvent("tenant ü", "key-1", "clinician", "POST /v1/chat/completions", null,
                "summary", AuditOutcome.ERROR, 503, "CG-4001", 3, 0, 12_345L, List.of("dose", "émergence 🩺"),
                AuditEvent.digest("p"), null, text, null);
        return new AuditRecord(sequence, Instant.parse("2026-11-28T10:15:30.123456Z"), event, H1, H2);
    }

    private static JournalCodec.Entry decode(ByteBuffer frame) {
        ByteBuffer header = ByteBuffer.wrap(Arrays.copyOf(frame.array(), JournalCodec.HEADER));
        int length = JournalCodec.payloadLength(header);
        assertThat(length).isEqualTo(frame.remaining() - JournalCodec.HEADER);
        return JournalCodec.decode(header, Arrays.copyOfRange(frame.array(), JournalCodec.HEADER,
                JournalCodec.HEADER + length));
    }

    @Test
    void a_batch_round_trips_every_field_including_nulls_and_non_ascii_text() {
        List<AuditRecord> records = List.of(record(7, "line one\nO'Brien 漢字"), record(8, null));
        List<Checkpoint> checkpoints = List.of(new Checkpoint(8, H2, 4, 1_700_000_000_000_000L, "k1", H1));
        Head head = new Head(8, H2, 8, "k1", "c".repeat(64));

        JournalCodec.Entry entry = decode(new JournalCodec().batch(records, checkpoints, head));

        assertThat(entry).isEqualTo(new JournalCodec.Batch(records, checkpoints, head));
    }

    @Test
    void an_abort_round_trips() {
        assertThat(decode(new JournalCodec().abort(42, H1))).isEqualTo(new JournalCodec.Abort(42, H1));
    }

    @Test
    void a_flipped_bit_anywhere_in_the_payload_makes_the_entry_unreadable() {
        ByteBuffer frame = new JournalCodec().batch(List.of(record(1, "x")), List.of(), new Head(1, H2, 0, "k",
                "s"));
        byte[] bytes = frame.array();
        for (int i = JournalCodec.HEADER; i < bytes.length; i += 7) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            ByteBuffer header = ByteBuffer.wrap(Arrays.copyOf(copy, JournalCodec.HEADER));
            assertThat(JournalCodec.decode(header, Arrays.copyOfRange(copy, JournalCodec.HEADER, copy.length)))
                    .as("byte %d flipped", i).isNull();
        }
    }

    @Test
    void a_header_without_the_magic_or_with_an_impossible_length_is_not_a_frame() {
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER);
        assertThat(JournalCodec.payloadLength(header)).isEqualTo(-1);
        header.putInt(0, JournalCodec.MAGIC).putInt(4, JournalCodec.MAX_PAYLOAD + 1);
        assertThat(JournalCodec.payloadLength(header)).isEqualTo(-1);
        header.putInt(4, -5);
        assertThat(JournalCodec.payloadLength(header)).isEqualTo(-1);
        header.putInt(4, 10);
        assertThat(JournalCodec.payloadLength(header)).isEqualTo(10);
    }
}
