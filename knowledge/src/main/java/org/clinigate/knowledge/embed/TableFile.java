package org.clinigate.knowledge.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The cache file of a float table: a static embedding table, or the vectors of a terminology's descriptions (ADR
 * 0016). Little-endian layout:
 *
 * <pre>
 *  0  8 bytes  magic "CGSTATIC"
 *  8  int      format version (1)
 * 12  int      CRC32C of every byte from offset 16 to the end
 * 16  short+n  source key (UTF-8), for example the model id, the checksum of model and tokenizer, the recipe
 *     int      rows, int dimension
 *     float[rows * dimension]
 * </pre>
 *
 * A file is written to a temporary name in the same folder, forced to disk and then moved over the target, so a
 * reader sees the old file, the new one or none, never a partial one. A file that fails any check (magic, version,
 * checksum, key, length) is reported as {@link Corrupt}. Not thread safe per path; concurrent writers each leave a
 * complete file and the last move wins.
 */
public final class TableFile {

    private static final byte[] MAGIC = "CGSTATIC".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int CRC_AT = 12;
    private static final int BODY_AT = 16;
    private static final int IO_BUFFER = 1 << 20;

    /** The file exists but cannot be trusted; {@code reason} names the failed check (no content). */
    public static final class Corrupt extends Exception {
        Corrupt(String reason) {
            super(reason);
        }
    }

    private TableFile() {
    }

    /** Writes {@code rows} (row-major, {@code rows.length / dimension} rows) to {@code target} atomically. */
    public static void write(Path target, String key, int dimension, float[] rows) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                CRC32C crc = new CRC32C();
                ByteBuffer head = ByteBuffer.allocate(BODY_AT).order(ByteOrder.LITTLE_ENDIAN);
                head.put(MAGIC).putInt(VERSION).putInt(0).flip();
                writeFully(ch, head);
                byte[] k = key.getBytes(StandardCharsets.UTF_8);
                ByteBuffer meta = ByteBuffer.allocate(2 + k.length + 8).order(ByteOrder.LITTLE_ENDIAN);
                meta.putShort((short) k.length).put(k).putInt(rows.length / dimension).putInt(dimension).flip();
                crc.update(meta.duplicate());
                writeFully(ch, meta);
                ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < rows.length;) {
                    buf.clear();
                    while (i < rows.length && buf.remaining() >= Float.BYTES) {
                        buf.putFloat(rows[i++]);
                    }
                    buf.flip();
                    crc.update(buf.duplicate());
                    writeFully(ch, buf);
                }
                ByteBuffer sum = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                sum.putInt((int) crc.getValue()).flip();
                ch.write(sum, CRC_AT);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The rows stored in {@code file}, checked against {@code key} and {@code dimension}. */
    public static float[] read(Path file, String key, int dimension) throws IOException, Corrupt {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = readExactly(ch, 0, BODY_AT + 2);
            byte[] magic = new byte[MAGIC.length];
            head.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Corrupt("not a static embedding table");
            }
            if (head.getInt() != VERSION) {
                throw new Corrupt("unknown format version");
            }
            int storedCrc = head.getInt();
            int keyLength = Short.toUnsignedInt(head.getShort());
            ByteBuffer meta = readExactly(ch, BODY_AT + 2, keyLength + 8);
            byte[] k = new byte[keyLength];
            meta.get(k);
            if (!new String(k, StandardCharsets.UTF_8).equals(key)) {
                throw new Corrupt("built from another model or recipe");
            }
            int rows = meta.getInt();
            int dim = meta.getInt();
            long bodyAt = BODY_AT + 2L + keyLength + 8;
            if (dim != dimension || rows < 1 || size != bodyAt + (long) rows * dim * Float.BYTES) {
                throw new Corrupt("size " + size + " does not match " + rows + " rows of " + dim);
            }
            CRC32C crc = new CRC32C();
            crc.update(head.position(BODY_AT).limit(BODY_AT + 2));
            crc.update(meta.flip());
            float[] out = new float[rows * dim];
            readRows(ch, bodyAt, out, crc);
            if ((int) crc.getValue() != storedCrc) {
                throw new Corrupt("checksum mismatch");
            }
            return out;
        }
    }

    private static void readRows(FileChannel ch, long from, float[] out, CRC32C crc) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        long pos = from;
        int i = 0;
        while (i < out.length) {
            buf.clear().limit((int) Math.min(IO_BUFFER, (long) (out.length - i) * Float.BYTES));
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos + buf.position());
                if (n < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            pos += buf.position();
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) {
                out[i++] = buf.getFloat();
            }
        }
    }

    private static ByteBuffer readExactly(FileChannel ch, long at, int n) throws IOException, Corrupt {
        if (ch.size() < at + n) {
            throw new Corrupt("truncated header");
        }
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new Corrupt("truncated header");
            }
        }
        return b.flip();
    }

    /** Temporary files are private; a table holds no secret, and a server may run as another user. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep its default permissions.
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
