package org.embex.progress;

/** Receives the progress of long work. Called from worker threads; implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} units are finished. */
    void progress(long done, long total);
}
