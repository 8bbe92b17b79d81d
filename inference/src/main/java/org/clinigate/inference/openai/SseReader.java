package org.clinigate.inference.openai;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.clinigate.core.error.ClinigateException;

/**
 * Reads server-sent events and returns the {@code data} of each, as the HTML specification describes: {@code
 * data:} lines of one event are joined with newlines, a blank line ends an event, and comments and other fields are
 * skipped. Lines are bounded, so a backend cannot make the gateway buffer without limit. Not thread safe.
 */
final class SseReader {

    private final InputStream in;
    private final int maxLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    SseReader(InputStream in, int maxLine) {
        this.in = new BufferedInputStream(in, 8192);
        this.maxLine = maxLine;
    }

    /**
     * The next event's data, or null at the end of the stream.
     *
     * @throws ClinigateException {@code CG-2103} when a line exceeds the limit
     */
    String next() throws IOException {
        StringBuilder data = null;
        String l;
        while ((l = readLine()) != null) {
            if (l.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
            } else if (l.startsWith("data:")) {
                String value = l.substring(l.startsWith("data: ") ? 6 : 5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString();
    }

    private String readLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return decode();
            }
            if (line.size() >= maxLine) {
                throw WireFormat.malformed("stream line longer than the limit", line.size());
            }
            line.write(b);
        }
        return line.size() == 0 ? null : decode();
    }

    private String decode() {
        int n = line.size();
        byte[] bytes = line.toByteArray();
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
