package org.clinigate.inference.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records written next to a finished file, in {@code sha256sum} format so that {@code sha256sum -c} can check
 * them: {@code <file>.sha256} when the digest matched an independent value (catalogue, {@code --sha256} or Hugging
 * Face), {@code <file>.sha256-unverified} when there was none and the digest was only computed.
 */
final class Checksums {

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    private Checksums() {
    }

    static Path verified(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256");
    }

    static Path unverified(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256-unverified");
    }

    static void write(Path marker, Path target, String sha256) {
        Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, sha256 + "  " + target.getFileName() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw PartialFile.diskError("cannot write " + marker, e);
        }
    }

    /** The digest recorded for {@code target} in {@code marker}, if the marker exists and names that file. */
    static Optional<String> read(Path marker, Path target) {
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            Matcher m = LINE.matcher(Files.readString(marker, StandardCharsets.UTF_8).strip());
            return m.matches() && m.group(2).equals(target.getFileName().toString())
                    ? Optional.of(m.group(1))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void deleteAll(Path target) {
        try {
            Files.deleteIfExists(verified(target));
            Files.deleteIfExists(unverified(target));
        } catch (IOException e) {
            throw PartialFile.diskError("cannot delete the checksum record of " + target, e);
        }
    }
}
