package org.clinigate.safety.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 from a stream with a byte limit per line, so that one huge line cannot exhaust memory: the
 * rest of an over-long line is skipped and reported. A byte-order mark at the start and a CR before LF are dropped.
 * Not thread safe.
 */
final class Lines {

    /** One line: its 1-based number, its text (null when too long or not UTF-8), and its size in bytes. */
    record Line(long number, String text, long bytes, boolean tooLong, boolean badUtf8) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(
            CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private long number;
    private boolean eof;

    Lines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        buf.reset();
        long bytes = 0;
        boolean sawAny = false;
        int b;
        while ((b = in.read()) != -1) {
            sawAny = true;
            if (b == '\n') {
                break;
            }
            bytes++;
            if (bytes <= maxBytes) {
                buf.write(b);
            }
        }
        if (b == -1) {
            eof = true;
            if (!sawAny) {
                return null;
            }
        }
        number++;
        if (bytes > maxBytes) {
            return new Line(number, null, bytes, true, false);
        }
        byte[] raw = buf.toByteArray();
        int from = number == 1 && raw.length >= 3 && (raw[0] & 0xff) == 0xef && (raw[1] & 0xff) == 0xbb
                && (raw[2] & 0xff) == 0xbf ? 3 : 0;
        int to = raw.length > from && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            String text = decoder.decode(ByteBuffer.wrap(raw, from, to - from)).toString();
            return new Line(number, text, bytes, false, false);
        } catch (CharacterCodingException e) {
            return new Line(number, null, bytes, false, true);
        }
    }
}
