package org.clinigate.store.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;

/**
 * The plaintext of a vault record: one scope's {@link PhiMap} as compact, versioned binary. Format 1, big-endian:
 *
 * <pre>
 * u8  format (1)
 * i32 dateShiftDays
 * u16 counter count, then per counter: category name (u16 length + UTF-8), i32 value
 * i32 entry count,   then per entry:   category name (u16 length + UTF-8),
 *                                      original (i32 length + UTF-8), replacement (i32 length + UTF-8)
 * </pre>
 *
 * Categories travel by name, not ordinal, so adding a category never changes the meaning of old records. Holds PHI
 * only in the byte arrays it returns and reads; it never prints them. Stateless and thread-safe.
 */
final class PhiMapCodec {

    static final int FORMAT = 1;
    /** Bounds what a corrupt length may make the decoder allocate: no single value of a scope is this long. */
    private static final int MAX_STRING_BYTES = 1 << 20;

    private PhiMapCodec() {
    }

    /** An encoded snapshot and how many entries it holds. Holds PHI: {@code toString()} shows the count only. */
    record Encoded(byte[] bytes, int entries) {
        @Override
        public String toString() {
            return "Encoded[entries=" + entries + ", bytes=" + bytes.length + "]";
        }
    }

    /** A snapshot of the map's date shift, counters and entries. */
    static Encoded encode(PhiMap map) {
        // Entries before counters: a counter read after the entries it numbered is never behind them.
        List<PhiMap.Entry> entries = map.entries();
        Map<PhiCategory, Integer> counters = map.counters();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(map.dateShiftDays());
            out.writeShort(counters.size());
            for (Map.Entry<PhiCategory, Integer> c : counters.entrySet()) {
                out.writeUTF(c.getKey().name());
                out.writeInt(c.getValue());
            }
            out.writeInt(entries.size());
            for (PhiMap.Entry e : entries) {
                out.writeUTF(e.category().name());
                writeString(out, e.original());
                writeString(out, e.replacement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return new Encoded(bytes.toByteArray(), entries.size());
    }

    /**
     * The map the bytes describe, under {@code scopeId}.
     *
     * @throws IllegalArgumentException when the bytes are not a record of a known format; the message names the
     *     format only
     */
    static PhiMap decode(byte[] plaintext, String scopeId) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown vault record format " + format);
            }
            PhiMap map = new PhiMap(scopeId, in.readInt());
            int counters = in.readUnsignedShort();
            for (int i = 0; i < counters; i++) {
                map.restoreCounter(category(in.readUTF()), in.readInt());
            }
            int entries = in.readInt();
            if (entries < 0 || entries > plaintext.length) {
                throw new IllegalArgumentException("impossible entry count");
            }
            for (int i = 0; i < entries; i++) {
                map.restore(new PhiMap.Entry(category(in.readUTF()), readString(in), readString(in)));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the last entry");
            }
            return map;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated vault record");
        }
    }

    private static PhiCategory category(String name) {
        try {
            return PhiCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown PHI category in a vault record");
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES || length > in.available()) {
            throw new IllegalArgumentException("impossible string length in a vault record");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
