package org.clinigate.inference.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * What is in the models directory: each catalogue entry with its state, then any other {@code *.gguf} (or partial
 * download) found there. Reads the directory afresh on each call; thread safe. An unreadable directory fails with
 * {@link ErrorCode#CG_1002}; a missing one simply holds nothing.
 */
public final class ModelInventory {

    private static final String PARTIAL = ".gguf.partial";

    private final ModelCatalog catalog;
    private final Path dir;

    public ModelInventory(ModelCatalog catalog, Path dir) {
        this.catalog = catalog;
        this.dir = dir;
    }

    /**
     * One file's line in the list.
     *
     * @param id the catalogue id, or null for a file the catalogue does not know
     * @param file the file name in the models directory
     * @param state downloaded, partial or missing
     */
    public record Entry(String id, String file, State state) {
    }

    /** The state of one file. */
    public sealed interface State permits Downloaded, Partial, Missing {
    }

    /**
     * A whole file.
     *
     * @param bytes its size
     * @param sha256 the recorded digest, or null when there is no record
     * @param verified true when the digest was checked against an expected value, false when only computed or absent
     */
    public record Downloaded(long bytes, String sha256, boolean verified) implements State {
    }

    /**
     * A download in progress or interrupted; {@code clinigate model pull} resumes it.
     *
     * @param bytes what is on disk
     * @param total the full size, or -1 when not yet known
     */
    public record Partial(long bytes, long total) implements State {

        /** Percent done, or -1 when the full size is unknown. */
        public double percent() {
            return total > 0 ? 100.0 * bytes / total : -1;
        }
    }

    /** Not downloaded. */
    public record Missing() implements State {
    }

    /** Catalogue entries first, in catalogue order, then other files by name. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (ModelSpec m : catalog.models()) {
            entries.add(new Entry(m.id(), m.file(), state(m.file())));
            known.add(m.file());
        }
        for (String file : otherFiles(known)) {
            entries.add(new Entry(null, file, state(file)));
        }
        return List.copyOf(entries);
    }

    private List<String> otherFiles(Set<String> known) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .map(n -> n.endsWith(PARTIAL) ? n.substring(0, n.length() - ".partial".length()) : n)
                    .filter(n -> n.endsWith(".gguf") && !known.contains(n)).distinct().sorted().toList();
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot list the models directory " + dir, e);
        }
    }

    private State state(String file) {
        Path target = dir.resolve(file);
        try {
            if (Files.isRegularFile(target)) {
                var verified = Checksums.read(Checksums.verified(target), target);
                var computed = Checksums.read(Checksums.unverified(target), target);
                return new Downloaded(Files.size(target), verified.or(() -> computed).orElse(null),
                        verified.isPresent());
            }
            Path partial = PartialFile.partialOf(target);
            if (Files.isRegularFile(partial)) {
                return new Partial(Files.size(partial), recordedSize(target));
            }
            return new Missing();
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read " + target, e);
        }
    }

    private static long recordedSize(Path target) throws IOException {
        Path meta = PartialFile.metaOf(target);
        if (!Files.isRegularFile(meta)) {
            return -1;
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(meta)) {
            p.load(r);
        }
        try {
            return Long.parseLong(p.getProperty("size", "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
