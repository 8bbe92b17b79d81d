package org.clinigate.knowledge.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Reading terminology files line by line with typed errors that name the file kind and line, never its text. */
final class TerminologyFiles {

    /** Receives one line and its 1-based number. */
    @FunctionalInterface
    interface LineHandler {
        void line(String line, int number);
    }

    private TerminologyFiles() {
    }

    /** Opens {@code file} as strict UTF-8 (gunzipped when its name ends in {@code .gz}). */
    static BufferedReader open(Path file, String kind) {
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(
                    CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            throw unreadable(kind, e);
        }
    }

    /** Calls {@code handler} for each line of {@code file}; a BOM on the first line is dropped. */
    static void lines(Path file, String kind, LineHandler handler) {
        int number = 0;
        try (BufferedReader reader = open(file, kind)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                handler.line(line, number);
            }
        } catch (CharacterCodingException e) {
            throw new ClinigateException(ErrorCode.CG_1003, kind + " is not UTF-8 near line " + (number + 1), e);
        } catch (IOException e) {
            throw unreadable(kind, e);
        } catch (UncheckedIOException e) {
            throw unreadable(kind, e.getCause());
        }
    }

    static ClinigateException malformed(String kind, int line, String what) {
        return new ClinigateException(ErrorCode.CG_5101, kind + ", line " + line + ": " + what);
    }

    static ClinigateException unreadable(String kind, IOException e) {
        return new ClinigateException(ErrorCode.CG_1002, "cannot read the " + kind + ": " + e.getClass()
                .getSimpleName(), e);
    }
}
