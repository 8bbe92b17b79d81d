package org.clinigate.eval.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The append-only {@code items.jsonl} of a run. Each record is one line written with one positional write straight
 * to the file (no user-space buffer, so a killed process loses nothing it wrote), and the file is forced to disk
 * after every batch of {@link #BATCH} records or {@link #BATCH_NANOS} of time, and on close.
 *
 * <p>A process killed mid-write leaves a last line without its newline, or one that does not parse: reading drops
 * it and says so; opening for a resume also cuts it off the file. A bad line before the last is damage, not a crash,
 * and fails with CG-7002 naming its line number. Appends are thread safe.
 */
public final class ItemLog implements AutoCloseable {

    static final int BATCH = 32;
    static final long BATCH_NANOS = 1_000_000_000L;

    private final FileChannel channel;
    private long position;
    private int unforced;
    private long lastForce = System.nanoTime();

    private ItemLog(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    /** What a read found: the records in file order, and how many torn last lines it dropped (0 or 1). */
    public record Contents(List<ItemRecord> records, int dropped, long goodBytes) {
        public Contents {
            records = List.copyOf(records);
        }

        /** The newest record of each id, in first-seen order. */
        public Map<String, ItemRecord> latest() {
            Map<String, ItemRecord> out = new LinkedHashMap<>();
            for (ItemRecord r : records) {
                out.put(r.id(), r);
            }
            return out;
        }
    }

    /** Reads {@code file}; an absent file reads as empty. */
    public static Contents read(Path file) {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0, 0);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read " + file.getFileName() + " (" + e.getClass()
                    .getSimpleName() + ")");
        }
        List<ItemRecord> records = new ArrayList<>();
        int start = 0;
        int line = 0;
        long good = 0;
        while (start < bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', start);
            line++;
            boolean last = nl < 0 || nl == bytes.length - 1;
            int end = nl < 0 ? bytes.length : nl;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                try {
                    if (nl < 0) {
                        throw new IllegalArgumentException("no newline");
                    }
                    records.add(ItemRecord.fromJson(text));
                } catch (IllegalArgumentException e) {
                    if (last) {
                        return new Contents(records, 1, good);
                    }
                    throw new ClinigateException(ErrorCode.CG_7002, file.getFileName() + ": line " + line
                            + " is damaged (" + e.getMessage() + ") and is not the last line");
                }
            }
            good = nl < 0 ? bytes.length : nl + 1;
            start = (int) good;
        }
        return new Contents(records, 0, good);
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Opens {@code file} for appending after {@code contents} (what {@link #read} found), cutting off a torn last
     * line.
     */
    public static ItemLog open(Path file, Contents contents) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (ch.size() > contents.goodBytes()) {
                ch.truncate(contents.goodBytes());
                ch.force(true);
            }
            return new ItemLog(ch, contents.goodBytes());
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot open " + file.getFileName() + " (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }

    /** Appends one record as one line; forces the file when a batch is full or old enough. */
    public synchronized void append(ItemRecord record) {
        ByteBuffer buf = ByteBuffer.wrap((record.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
            unforced++;
            if (unforced >= BATCH || System.nanoTime() - lastForce >= BATCH_NANOS) {
                force();
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot append to items.jsonl (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }

    private void force() throws IOException {
        channel.force(false);
        unforced = 0;
        lastForce = System.nanoTime();
    }

    @Override
    public synchronized void close() {
        try {
            force();
            channel.close();
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "cannot close items.jsonl (" + e.getClass()
                    .getSimpleName() + ")");
        }
    }
}
