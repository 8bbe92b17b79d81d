package org.clinigate.deid.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Reads UTF-8 lines of bounded size from a stream. A line longer than the limit is skipped to its end
 * without being held in memory and reported as {@link Line#tooLong()}; invalid UTF-8 and binary content
 * raise {@link ClinigateException} with the line number and a byte offset, never the content. Not
 * thread safe.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long lineNumber;
    private byte[] line = new byte[1024];

    /** One line: its number (from 1), its text, or the fact that it was over the limit. */
    public record Line(long number, String text, long bytes, boolean tooLong) {
        @Override
        public String toString() {
            return "Line[" + number + ", bytes=" + bytes + (tooLong ? ", too long" : "") + "]";
        }
    }

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or {@code null} at the end of the stream. */
    public Line next() throws IOException {
        int len = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos == lim) {
                lim = in.read(buf);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl : lim;
            int n = end - pos;
            total += n;
            if (total <= maxBytes) {
                if (len + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(len + n, Math.min(maxBytes, line.length * 2)));
                }
                System.arraycopy(buf, pos, line, len, n);
                len += n;
            }
            pos = nl >= 0 ? nl + 1 : lim;
            if (nl >= 0) {
                break;
            }
        }
        lineNumber++;
        if (total > maxBytes) {
            return new Line(lineNumber, null, total, true);
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return new Line(lineNumber, decode(line, len, lineNumber), total, false);
    }

    /** Strict UTF-8 decoding, with a check for binary content. */
    static String decode(byte[] bytes, int len, long lineNumber) {
        int controls = 0;
        for (int i = 0; i < len; i++) {
            byte b = bytes[i];
            if (b == 0) {
                throw new ClinigateException(ErrorCode.CG_1004,
                        "line " + lineNumber + ": binary content (NUL byte at byte " + i + ")");
            }
            if (b >= 0 && b < 32 && b != '\t' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (len >= 16 && controls * 10 > len) {
            throw new ClinigateException(ErrorCode.CG_1004,
                    "line " + lineNumber + ": binary content (" + controls + " control bytes in " + len + ")");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bb = ByteBuffer.wrap(bytes, 0, len);
        try {
            CharBuffer cb = dec.decode(bb);
            String s = cb.toString();
            return !s.isEmpty() && s.charAt(0) == '\uFEFF' && lineNumber == 1 ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new ClinigateException(ErrorCode.CG_1003,
                    "line " + lineNumber + ": invalid UTF-8 near byte " + bb.position());
        }
    }

    public long lineNumber() {
        return lineNumber;
    }
}
