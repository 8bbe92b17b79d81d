package org.clinigate.safety.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** Reads one YAML document into a tree, with errors that give a line and column but no file content. */
public final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    /** Parses {@code in}; {@code name} names the file in errors. */
    public static JsonNode read(InputStream in, String name, ErrorCode code) {
        try {
            JsonNode n = MAPPER.readTree(in);
            if (n == null || n.isMissingNode()) {
                throw new ClinigateException(code, name + ": empty document");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ClinigateException(code, name + ": not valid YAML" + where);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, name + ": cannot be read", e);
        }
    }

    /** Reads a file. */
    public static JsonNode read(Path file, ErrorCode code) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), code);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, file.getFileName() + ": cannot be read", e);
        }
    }

    /** Reads a resource of this module's class loader. */
    public static JsonNode resource(String name, ErrorCode code) {
        try (InputStream in = Yaml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "bundled resource missing: " + name);
            }
            return read(in, name, code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
