package org.clinigate.knowledge.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Strict UTF-8 decoding for text formats: bad bytes and binary content are errors, not replacement characters. */
final class TextDecoding {

    private TextDecoding() {
    }

    /** The text of {@code bytes}, without a leading byte order mark, with CRLF and CR turned into LF. */
    static String utf8(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw new ClinigateException(ErrorCode.CG_1004, "document looks binary: NUL byte at offset " + i);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ClinigateException(ErrorCode.CG_1003, "document is not valid UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // Offsets are into the decoded text; one line ending keeps them the same on every platform.
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code s} with every run of white space turned into one space. */
    static String collapse(String s) {
        return s.replaceAll("[\\s\\u00a0]+", " ");
    }
}
