package org.clinigate.knowledge.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Static tables for tests. The full table is distilled once per test JVM (about 20 s on 2 cores) into a temporary
 * folder removed at exit; small tables distil only the first pieces of the vocabulary (about a second).
 */
public final class StaticTables {

    /** Small tables keep ids below this: the single characters and the first ~1,500 words. */
    static final int SMALL_BELOW = 2_500;

    private static Path fullDir;
    private static int fullBuilds;

    private StaticTables() {
    }

    /** The folder that holds the full table, distilling it on the first call. */
    public static synchronized Path fullCacheDir() {
        if (fullDir == null) {
            try {
                Path dir = Files.createTempDirectory("clinigate-static-table");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                StaticEmbedder.open(dir, (done, total) -> {
                    if (done == 0) {
                        fullBuilds++;
                    }
                }).close();
                fullDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fullDir;
    }

    /** How many times the full table was distilled in this JVM (by {@link #fullCacheDir}). */
    static synchronized int fullBuilds() {
        return fullBuilds;
    }

    /** The full table, loaded from the shared cache. */
    public static StaticEmbedder full() {
        return StaticEmbedder.open(fullCacheDir(), StaticEmbedder.Progress.NONE);
    }

    /** A table of the first {@value #SMALL_BELOW} ids, cached in {@code dir}. */
    public static StaticEmbedder small(Path dir, StaticEmbedder.Progress progress) {
        return StaticEmbedder.open(dir, progress, id -> id < SMALL_BELOW, "ids<" + SMALL_BELOW);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder; the OS cleans up what is left.
        }
    }
}
