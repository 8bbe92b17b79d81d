package org.clinigate.knowledge.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The embedders an index can be built with, by setting name: {@value #MODEL} (all-MiniLM-L6-v2, the default) and
 * {@value #STATIC} (static vectors distilled from it, some thirty times cheaper per chunk, somewhat weaker; ADR
 * 0020). Stateless and thread safe.
 */
public final class Embedders {

    /** The setting for {@link MiniLmEmbedder}. */
    public static final String MODEL = "model";
    /** The setting for {@link StaticEmbedder}. */
    public static final String STATIC = "static";
    /** Every allowed setting, the default first. */
    public static final List<String> NAMES = List.of(MODEL, STATIC);

    /** Overrides where static tables are cached (a folder); by default next to the index, see {@link #cacheDir}. */
    public static final String CACHE_PROPERTY = "clinigate.embedding.cache";

    private Embedders() {
    }

    /**
     * Loads the embedder named {@code name}; a static table is read from, or built into, {@code cacheDir}. The
     * caller closes what it gets ({@link AutoCloseable}). A name not in {@link #NAMES} is CG-1001.
     */
    public static Embedder create(String name, Path cacheDir, StaticEmbedder.Progress progress) {
        return switch (check(name)) {
            case MODEL -> new MiniLmEmbedder();
            case STATIC -> StaticEmbedder.open(cacheDir, progress);
            default -> throw new UnsupportedOperationException("embedder " + name);
        };
    }

    /** {@code name} when it is allowed; otherwise CG-1001 naming the setting and the allowed values. */
    public static String check(String name) {
        if (!NAMES.contains(name)) {
            throw new ClinigateException(ErrorCode.CG_1001, "embedder must be one of " + NAMES + ", was '" + name
                    + "'");
        }
        return name;
    }

    /** The setting whose embedder records {@code modelId} in an index, if it is one of ours. */
    public static Optional<String> nameOf(String modelId) {
        return switch (modelId) {
            case MiniLmEmbedder.MODEL_ID -> Optional.of(MODEL);
            case StaticEmbedder.MODEL_ID -> Optional.of(STATIC);
            default -> Optional.empty();
        };
    }

    /**
     * Where static tables for the index in {@code indexDir} are cached: the folder named by the system property
     * {@value #CACHE_PROPERTY}, or else {@code embedding-cache} beside the index folder, so that the indexes of
     * one data folder share one table and none of Lucene's files sit next to it.
     */
    public static Path cacheDir(Path indexDir) {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path parent = indexDir.toAbsolutePath().getParent();
        return (parent == null ? indexDir.toAbsolutePath() : parent).resolve("embedding-cache");
    }
}
