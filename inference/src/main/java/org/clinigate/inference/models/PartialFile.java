package org.clinigate.inference.models;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * {@code <file>.partial} and its digest, kept in step: every byte appended is hashed, so a resumed download needs to
 * re-read the partial only once, when it is opened. {@code <file>.partial.meta} records where the bytes came from, so
 * that a partial of another repository, revision or upstream version is never resumed. Disk errors fail at once
 * with {@link ErrorCode#CG_1007}: retrying a full disk does not help. Not thread safe.
 */
final class PartialFile implements AutoCloseable {

    private final Path path;
    private final Path meta;
    private final FileChannel channel;
    private MessageDigest digest;
    private long length;

    private PartialFile(Path path, Path meta, FileChannel channel) {
        this.path = path;
        this.meta = meta;
        this.channel = channel;
    }

    static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    static Path metaOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial.meta");
    }

    /** Opens or creates the partial; hashes what is there already. */
    static PartialFile open(Path target) {
        Path p = partialOf(target);
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw diskError("cannot open " + p, e);
        }
        try {
            if (!lock(ch)) {
                throw new ClinigateException(ErrorCode.CG_1007, "another download of " + target.getFileName()
                        + " is running (" + p + " is locked)");
            }
            PartialFile f = new PartialFile(p, metaOf(target), ch);
            f.rehash();
            return f;
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io ? diskError("cannot read " + p, io) : (RuntimeException) e;
        }
    }

    private static boolean lock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private void rehash() throws IOException {
        digest = newDigest();
        length = 0;
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        channel.position(0);
        while (channel.read(buf) >= 0) {
            buf.flip();
            length += buf.remaining();
            digest.update(buf);
            buf.clear();
        }
    }

    long length() {
        return length;
    }

    /** Drops all bytes and the source record: the next transfer starts from 0. */
    void reset() {
        try {
            channel.truncate(0);
            channel.position(0);
            Files.deleteIfExists(meta);
        } catch (IOException e) {
            throw diskError("cannot truncate " + path, e);
        }
        digest = newDigest();
        length = 0;
    }

    void append(byte[] bytes, int count) {
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, count);
        try {
            channel.position(length);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw diskError("cannot write " + path, e);
        }
        digest.update(bytes, 0, count);
        length += count;
    }

    /** The source recorded for these bytes, or an empty record when there is none. */
    Properties source() {
        Properties p = new Properties();
        if (Files.isRegularFile(meta)) {
            try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return p;
    }

    void recordSource(Properties p) {
        Path tmp = meta.resolveSibling(meta.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "clinigate model pull: where " + path.getFileName() + " comes from");
            }
            Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw diskError("cannot write " + meta, e);
        }
    }

    /** The hex digest of all bytes so far; the running digest is not disturbed. */
    String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    /** Flushes to disk and atomically renames the partial to {@code target}; removes the source record. */
    void moveTo(Path target) {
        try {
            channel.force(true);
            channel.close();
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(meta);
        } catch (IOException e) {
            throw diskError("cannot move " + path + " into place", e);
        }
    }

    /** Removes the partial and its record. */
    void delete() {
        try {
            channel.close();
            Files.deleteIfExists(path);
            Files.deleteIfExists(meta);
        } catch (IOException e) {
            throw diskError("cannot delete " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw diskError("cannot close " + path, e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static ClinigateException diskError(String detail, IOException e) {
        return new ClinigateException(ErrorCode.CG_1007, detail + " (" + e.getClass().getSimpleName() + ")", e);
    }
}
