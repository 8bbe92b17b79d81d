package org.clinigate.inference.models;

/**
 * Hears how far a transfer has got. Called on the downloading thread only; a transfer that is retried calls {@link
 * #begin} again with the offset it resumes from. Implementations must not throw.
 */
public interface DownloadProgress {

    /** A transfer (re)starts at {@code offset} bytes of {@code total}; total is -1 when unknown. */
    void begin(String file, long offset, long total);

    /** {@code done} bytes of the file are on disk; called often, so implementations throttle their output. */
    void advance(long done);

    /** The transfer ended: complete, or about to be retried or abandoned. */
    void end(boolean complete);

    /** Hears nothing. */
    static DownloadProgress none() {
        return new DownloadProgress() {
            @Override
            public void begin(String file, long offset, long total) {
            }

            @Override
            public void advance(long done) {
            }

            @Override
            public void end(boolean complete) {
            }
        };
    }
}
