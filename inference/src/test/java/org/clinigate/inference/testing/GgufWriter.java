package org.clinigate.inference.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF version 3 file: metadata key/values, then F32 tensors aligned to 32 bytes. Just enough of the
 * format to build test models; see the GGUF specification in the ggml repository.
 */
public final class GgufWriter {

    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_BOOL = 7;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, long[] dims, float[] data) {
    }

    /** Values: String, Integer (uint32), Float, Boolean, String[], float[], int[] (int32). */
    public GgufWriter put(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    /** Adds an F32 tensor; {@code dims[0]} is the fastest-varying dimension, as in ggml. */
    public GgufWriter tensor(String name, float[] data, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for " + n + " elements");
        }
        tensors.add(new Tensor(name, dims.clone(), data));
        return this;
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Buf header = new Buf();
            header.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
            header.u32(3);
            header.u64(tensors.size());
            header.u64(metadata.size());
            metadata.forEach((k, v) -> {
                header.string(k);
                value(header, v);
            });
            long offset = 0;
            for (Tensor t : tensors) {
                header.string(t.name());
                header.u32(t.dims().length);
                for (long d : t.dims()) {
                    header.u64(d);
                }
                header.u32(GGML_TYPE_F32);
                header.u64(offset);
                offset = align(offset + 4L * t.data().length);
            }
            header.pad();
            out.write(header.toBytes());
            for (Tensor t : tensors) {
                ByteBuffer data = ByteBuffer.allocate((int) align(4L * t.data().length)).order(ByteOrder.LITTLE_ENDIAN);
                data.asFloatBuffer().put(t.data());
                out.write(data.array());
            }
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static void value(Buf b, Object v) {
        switch (v) {
            case String s -> {
                b.u32(TYPE_STRING);
                b.string(s);
            }
            case Integer i -> {
                b.u32(TYPE_UINT32);
                b.u32(i);
            }
            case Float f -> {
                b.u32(TYPE_FLOAT32);
                b.f32(f);
            }
            case Boolean z -> {
                b.u32(TYPE_BOOL);
                b.bytes(new byte[]{(byte) (z ? 1 : 0)});
            }
            case String[] a -> {
                b.arrayHeader(TYPE_STRING, a.length);
                for (String s : a) {
                    b.string(s);
                }
            }
            case float[] a -> {
                b.arrayHeader(TYPE_FLOAT32, a.length);
                for (float f : a) {
                    b.f32(f);
                }
            }
            case int[] a -> {
                b.arrayHeader(TYPE_INT32, a.length);
                for (int i : a) {
                    b.u32(i);
                }
            }
            default -> throw new UnsupportedOperationException("metadata type " + v.getClass().getSimpleName());
        }
    }

    /** A growable little-endian byte buffer. */
    private static final class Buf {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void bytes(byte[] b) {
            ensure(b.length);
            buf.put(b);
        }

        void u32(int v) {
            ensure(4);
            buf.putInt(v);
        }

        void u64(long v) {
            ensure(8);
            buf.putLong(v);
        }

        void f32(float v) {
            ensure(4);
            buf.putFloat(v);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void arrayHeader(int type, int n) {
            u32(TYPE_ARRAY);
            u32(type);
            u64(n);
        }

        void pad() {
            bytes(new byte[(int) (align(buf.position()) - buf.position())]);
        }

        byte[] toBytes() {
            byte[] out = new byte[buf.position()];
            buf.flip();
            buf.get(out);
            return out;
        }
    }
}
