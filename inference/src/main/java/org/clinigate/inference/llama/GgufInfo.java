package org.clinigate.inference.llama;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * What the gateway needs from a GGUF file's header, read in Java before the file reaches native code: the
 * architecture, the training context length, the vocabulary size and the chat template. Reading the whole header
 * and every tensor record also rejects truncated or foreign files, which llama.cpp might not survive.
 *
 * @param chatTemplate {@code tokenizer.chat_template}, or null when the file has none
 */
record GgufInfo(String architecture, long contextLength, int vocabularySize, String chatTemplate, int tensorCount) {

    private static final int MAGIC = 0x46554747; // "GGUF", little-endian
    private static final int MAX_STRING = 64 << 20;
    private static final long MAX_COUNT = 1L << 26;

    static GgufInfo read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(new LittleEndian(new DataInputStream(in)), Files.size(file));
        } catch (IOException e) {
            throw invalid("cannot be read as GGUF");
        }
    }

    private static GgufInfo read(LittleEndian in, long fileSize) throws IOException {
        if (in.i32() != MAGIC) {
            throw invalid("is not a GGUF file");
        }
        int version = in.i32();
        if (version < 2 || version > 3) {
            throw invalid("has GGUF version " + version + "; 2 or 3 expected");
        }
        long tensors = count(in.i64());
        long kvs = count(in.i64());
        Header h = new Header();
        for (long i = 0; i < kvs; i++) {
            h.accept(in.string(), in);
        }
        for (long i = 0; i < tensors; i++) {
            checkTensor(in, fileSize);
        }
        if (h.architecture == null) {
            throw invalid("has no general.architecture");
        }
        Long ctx = h.contextLengths.get(h.architecture);
        return new GgufInfo(h.architecture, ctx == null ? 0 : ctx, h.vocabulary, h.template, (int) tensors);
    }

    private static void checkTensor(LittleEndian in, long fileSize) throws IOException {
        in.string();
        int dims = in.i32();
        if (dims < 1 || dims > 4) {
            throw invalid("has a tensor with " + dims + " dimensions");
        }
        for (int d = 0; d < dims; d++) {
            if (in.i64() <= 0) {
                throw invalid("has a tensor with an empty dimension");
            }
        }
        int type = in.i32();
        long offset = in.i64();
        if (type < 0 || type > 64 || offset < 0 || offset >= fileSize) {
            throw invalid("has a tensor record out of bounds");
        }
    }

    private static long count(long n) {
        if (n < 0 || n > MAX_COUNT) {
            throw invalid("declares " + n + " entries");
        }
        return n;
    }

    @Override
    public String toString() {
        return "GgufInfo[" + architecture + ", context=" + contextLength + ", vocabulary=" + vocabularySize
                + ", template=" + (chatTemplate == null ? "none" : chatTemplate.length() + " chars") + ", tensors="
                + tensorCount + "]";
    }

    static ClinigateException invalid(String what) {
        return new ClinigateException(ErrorCode.CG_2107, "the configured model file " + what);
    }

    /** Collects the few keys we use while skipping all others. */
    private static final class Header {
        private String architecture;
        private String template;
        private int vocabulary;
        private final Map<String, Long> contextLengths = new HashMap<>();

        void accept(String key, LittleEndian in) throws IOException {
            int type = in.i32();
            switch (key) {
                case "general.architecture" -> architecture = type == GgufType.STRING ? in.string() : skipped(type, in);
                case "tokenizer.chat_template" -> template = type == GgufType.STRING ? in.string() : skipped(type, in);
                case "tokenizer.ggml.tokens" -> vocabulary = (int) GgufType.skip(type, in);
                default -> {
                    if (key.endsWith(".context_length") && GgufType.isInteger(type)) {
                        contextLengths.put(key.substring(0, key.length() - ".context_length".length()),
                                GgufType.readInteger(type, in));
                    } else {
                        GgufType.skip(type, in);
                    }
                }
            }
        }

        private static String skipped(int type, LittleEndian in) throws IOException {
            GgufType.skip(type, in);
            return null;
        }
    }

    /** GGUF value types: reading integers, skipping everything else. */
    private static final class GgufType {
        static final int STRING = 8;
        static final int ARRAY = 9;
        private static final int[] SIZES = {1, 1, 2, 2, 4, 4, 4, 1, -1, -1, 8, 8, 8};

        static boolean isInteger(int type) {
            return type >= 0 && type <= 5 || type == 10 || type == 11;
        }

        static long readInteger(int type, LittleEndian in) throws IOException {
            return switch (type) {
                case 0, 1 -> in.u8();
                case 2, 3 -> in.i16();
                case 4, 5 -> in.i32() & 0xFFFFFFFFL;
                case 10, 11 -> in.i64();
                default -> throw invalid("has a malformed integer value");
            };
        }

        /** Skips one value; for an array, returns its element count. */
        static long skip(int type, LittleEndian in) throws IOException {
            if (type == STRING) {
                in.skip(in.length());
                return 1;
            }
            if (type == ARRAY) {
                int elementType = in.i32();
                long n = count(in.i64());
                if (elementType == STRING) {
                    for (long i = 0; i < n; i++) {
                        in.skip(in.length());
                    }
                } else if (elementType >= 0 && elementType < SIZES.length && SIZES[elementType] > 0) {
                    in.skip(n * SIZES[elementType]);
                } else {
                    throw invalid("has an array of type " + elementType);
                }
                return n;
            }
            if (type < 0 || type >= SIZES.length || SIZES[type] < 0) {
                throw invalid("has a value of unknown type " + type);
            }
            in.skip(SIZES[type]);
            return 1;
        }
    }

    /** Little-endian reads over a DataInputStream (which is big-endian). */
    private record LittleEndian(DataInputStream in) {
        int u8() throws IOException {
            return in.readUnsignedByte();
        }

        int i16() throws IOException {
            return Short.reverseBytes(in.readShort());
        }

        int i32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long i64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        long length() throws IOException {
            long n = i64();
            if (n < 0 || n > MAX_STRING) {
                throw invalid("has a string of " + n + " bytes");
            }
            return n;
        }

        String string() throws IOException {
            int n = (int) length();
            byte[] bytes = in.readNBytes(n);
            if (bytes.length != n) {
                throw new EOFException();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }
}
