package org.clinigate.store.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.clinigate.core.audit.AuditEvent;

/**
 * The canonical byte encodings that are hashed and signed. Every field is written in a fixed order; strings are
 * length-prefixed UTF-8 with -1 for null, so no two different records encode alike. Changing an encoding breaks
 * every existing chain: add a new version tag instead.
 *
 * <p>Not thread-safe: each writer or verifier holds its own instance.
 */
final class ChainCodec {

    private static final String RECORD_TAG = "clinigate-audit-record-v1";
    private static final String CHECKPOINT_TAG = "clinigate-audit-checkpoint-v1";
    private static final String HEAD_TAG = "clinigate-audit-head-v1";

    private final MessageDigest sha256;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
    private final DataOutputStream out = new DataOutputStream(buffer);

    ChainCodec() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** SHA-256 over the record's fields and the previous hash, as 64 lowercase hex digits. */
    String recordHash(long sequence, long timeMicros, AuditEvent e, String previousHash) {
        try {
            buffer.reset();
            string(RECORD_TAG);
            out.writeLong(sequence);
            out.writeLong(timeMicros);
            strings(e.tenant(), e.principal(), e.role(), e.endpoint(), e.model(), e.task(), e.outcome().name());
            out.writeInt(e.httpStatus());
            string(e.errorCode());
            out.writeInt(e.promptTokens());
            out.writeInt(e.completionTokens());
            out.writeLong(e.latencyMicros());
            List<String> flags = e.railFlags();
            out.writeInt(flags.size());
            for (String flag : flags) {
                string(flag);
            }
            strings(e.promptDigest(), e.responseDigest(), e.promptText(), e.responseText(), previousHash);
            out.flush();
            return HexFormat.of().formatHex(sha256.digest(buffer.toByteArray()));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** What a checkpoint signs: the sequence it seals, the chain hash there, and the checkpoint before it. */
    byte[] checkpointMessage(long sequence, String chainHash, long previousCheckpoint, long createdMicros) {
        try {
            buffer.reset();
            string(CHECKPOINT_TAG);
            out.writeLong(sequence);
            string(chainHash);
            out.writeLong(previousCheckpoint);
            out.writeLong(createdMicros);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** What the head seal signs: the last sequence, its hash, and the last checkpoint. */
    byte[] headMessage(long sequence, String hash, long lastCheckpoint) {
        try {
            buffer.reset();
            string(HEAD_TAG);
            out.writeLong(sequence);
            string(hash);
            out.writeLong(lastCheckpoint);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** Rail flags as one column: joined by newlines, which flags may not contain. */
    static String joinFlags(List<String> flags) {
        return String.join("\n", flags);
    }

    static List<String> splitFlags(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n", -1));
    }

    private void strings(String... values) throws IOException {
        for (String value : values) {
            string(value);
        }
    }

    private void string(String value) throws IOException {
        writeString(out, value);
    }

    /** A string as length-prefixed UTF-8, -1 for null: the form every encoding in this package uses. */
    static void writeString(DataOutputStream to, String value) throws IOException {
        if (value == null) {
            to.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        to.writeInt(bytes.length);
        to.write(bytes);
    }
}
