package org.clinigate.inference.models;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file in place.
 *
 * @param file where it is
 * @param bytes its size
 * @param sha256 its digest, lower-case hex
 * @param check what the digest was compared with
 * @param alreadyPresent true when nothing was downloaded because a verified copy was there
 */
public record PullResult(Path file, long bytes, String sha256, Check check, boolean alreadyPresent) {

    /** Where the expected digest came from. */
    public enum Check {
        /** From the catalogue or {@code --sha256}. */
        GIVEN,
        /** From Hugging Face's {@code X-Linked-Etag}, the sha256 of the LFS object. */
        HUGGING_FACE,
        /** Recorded as verified by an earlier pull. */
        RECORDED,
        /** None was known: the digest was only computed, and recorded as unverified. */
        NONE
    }

    public PullResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(check, "check");
    }
}
