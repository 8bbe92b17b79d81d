package org.clinigate.store.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;

/**
 * The bytes of the audit journal (see {@link AuditJournal}). An entry is a frame: magic, payload length, CRC-32C of
 * the payload, payload. A frame whose magic, length or checksum is wrong ends what can be read of a segment: it is
 * the torn tail of a write that a crash cut short, and was never acknowledged.
 *
 * <p>Payloads: a <em>batch</em> (its records, the checkpoints that fell due in it, and the head it left), or an
 * <em>abort</em> naming a batch whose database commit failed after it was journaled. Strings are length-prefixed
 * UTF-8 with -1 for null, as in {@link ChainCodec}; unlike that encoding this one is private to one data
 * directory and may change with a new magic.
 *
 * <p>Not thread-safe: its one writer holds it.
 */
final class JournalCodec {

    /** "CGJ1". */
    static final int MAGIC = 0x43474a31;
    static final int HEADER = 12;
    /** Four records of the largest texts, with room to spare; anything longer is a corrupt length. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    private static final byte BATCH = 1;
    private static final byte ABORT = 2;

    /** A decoded entry. */
    sealed interface Entry permits Batch, Abort {
    }

    /** One committed-or-about-to-be batch: records in order, the checkpoints it made, and the head it sealed. */
    record Batch(List<AuditRecord> records, List<Checkpoint> checkpoints, Head head) implements Entry {

        long firstSequence() {
            return records.get(0).sequence();
        }

        long lastSequence() {
            return records.get(records.size() - 1).sequence();
        }
    }

    /** The batch that starts at this record, which the database rolled back after it was journaled. */
    record Abort(long firstSequence, String firstHash) implements Entry {
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private final DataOutputStream out = new DataOutputStream(buffer);
    private final CRC32C crc = new CRC32C();

    /** One framed batch, ready to write. */
    ByteBuffer batch(List<AuditRecord> records, List<Checkpoint> checkpoints, Head head) {
        try {
            begin(BATCH);
            out.writeInt(records.size());
            for (AuditRecord r : records) {
                record(r);
            }
            out.writeInt(checkpoints.size());
            for (Checkpoint cp : checkpoints) {
                out.writeLong(cp.sequence());
                string(cp.chainHash());
                out.writeLong(cp.previousCheckpoint());
                out.writeLong(cp.createdMicros());
                string(cp.keyId());
                string(cp.signature());
            }
            out.writeLong(head.sequence());
            string(head.hash());
            out.writeLong(head.checkpointSequence());
            string(head.keyId());
            string(head.seal());
            return frame();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One framed abort. */
    ByteBuffer abort(long firstSequence, String firstHash) {
        try {
            begin(ABORT);
            out.writeLong(firstSequence);
            string(firstHash);
            return frame();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void begin(byte type) throws IOException {
        buffer.reset();
        out.writeInt(0);
        out.writeInt(0);
        out.writeInt(0);
        out.writeByte(type);
    }

    private ByteBuffer frame() throws IOException {
        out.flush();
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length - HEADER;
        if (length > MAX_PAYLOAD) {
            throw new IOException("a journal entry of " + length + " bytes is over the limit of " + MAX_PAYLOAD);
        }
        crc.reset();
        crc.update(bytes, HEADER, length);
        ByteBuffer framed = ByteBuffer.wrap(bytes);
        framed.putInt(0, MAGIC).putInt(4, length).putInt(8, (int) crc.getValue());
        return framed;
    }

    private void record(AuditRecord r) throws IOException {
        AuditEvent e = r.event();
        out.writeLong(r.sequence());
        out.writeLong(AuditRows.micros(r.time()));
        string(e.tenant());
        string(e.principal());
        string(e.role());
        string(e.endpoint());
        string(e.model());
        string(e.task());
        string(e.outcome().name());
        out.writeInt(e.httpStatus());
        string(e.errorCode());
        out.writeInt(e.promptTokens());
        out.writeInt(e.completionTokens());
        out.writeLong(e.latencyMicros());
        out.writeInt(e.railFlags().size());
        for (String flag : e.railFlags()) {
            string(flag);
        }
        string(e.promptDigest());
        string(e.responseDigest());
        string(e.promptText());
        string(e.responseText());
        string(r.previousHash());
        string(r.hash());
    }

    private void string(String value) throws IOException {
        ChainCodec.writeString(out, value);
    }

    /**
     * The payload's length when {@code header} (12 bytes) starts a frame, or -1 when it does not: the end of what
     * can be read.
     */
    static int payloadLength(ByteBuffer header) {
        if (header.getInt(0) != MAGIC) {
            return -1;
        }
        int length = header.getInt(4);
        return length < 1 || length > MAX_PAYLOAD ? -1 : length;
    }

    /** The entry in a payload whose checksum matches, or null when it does not match or does not decode. */
    static Entry decode(ByteBuffer header, byte[] payload) {
        CRC32C check = new CRC32C();
        check.update(payload);
        if ((int) check.getValue() != header.getInt(8)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte type = in.readByte();
            if (type == ABORT) {
                return new Abort(in.readLong(), readString(in));
            }
            if (type != BATCH) {
                return null;
            }
            int count = in.readInt();
            List<AuditRecord> records = new ArrayList<>(Math.min(count, 10_000));
            for (int i = 0; i < count; i++) {
                records.add(readRecord(in));
            }
            int checkpointCount = in.readInt();
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (int i = 0; i < checkpointCount; i++) {
                checkpoints.add(new Checkpoint(in.readLong(), readString(in), in.readLong(), in.readLong(),
                        readString(in), readString(in)));
            }
            Head head = new Head(in.readLong(), readString(in), in.readLong(), readString(in), readString(in));
            return records.isEmpty() ? null : new Batch(List.copyOf(records), List.copyOf(checkpoints), head);
        } catch (IOException | RuntimeException e) {
            // A checksum that matches bytes which do not decode: written by something else; treat as the end.
            return null;
        }
    }

    private static AuditRecord readRecord(DataInputStream in) throws IOException {
        long sequence = in.readLong();
        long micros = in.readLong();
        String tenant = readString(in);
        String principal = readString(in);
        String role = readString(in);
        String endpoint = readString(in);
        String model = readString(in);
        String task = readString(in);
        AuditOutcome outcome = AuditOutcome.valueOf(readString(in));
        int status = in.readInt();
        String errorCode = readString(in);
        int promptTokens = in.readInt();
        int completionTokens = in.readInt();
        long latency = in.readLong();
        int flagCount = in.readInt();
        List<String> flags = new ArrayList<>(Math.min(flagCount, 64));
        for (int i = 0; i < flagCount; i++) {
            flags.add(readString(in));
        }
        AuditEvent event = new AuditEvent(tenant, principal, role, endpoint, model, task, outcome, status, errorCode,
                promptTokens, completionTokens, latency, flags, readString(in), readString(in), readString(in),
                readString(in));
        return new AuditRecord(sequence, AuditRows.instant(micros), event, readString(in), readString(in));
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
