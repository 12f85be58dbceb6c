package org.embex.layout;

import java.util.function.Consumer;

import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * What a view hands a layout being made: where to report progress, a token to stop it, and
 * where to send the layout as it forms, every {@code snapshotEvery} iterations.
 */
public record LayoutWatch(ProgressListener progress, CancellationToken cancellation, Consumer<Layout> snapshots,
                          int snapshotEvery) {

    public LayoutWatch {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be positive, was " + snapshotEvery);
        }
    }

    public static LayoutWatch of(ProgressListener progress) {
        return new LayoutWatch(progress, CancellationToken.none(), layout -> { }, Integer.MAX_VALUE);
    }

    /** A listener for the work before the iterations (the neighbour graph) that only stops it when asked. */
    public ProgressListener checkpoints() {
        return (done, total) -> cancellation.check();
    }

    /** Reports iteration {@code done} of {@code total}, stops if asked, and hands out a snapshot when due. */
    void step(int done, int total, java.util.function.Supplier<Layout> current) {
        cancellation.check();
        progress.progress(done, total);
        if (done % snapshotEvery == 0 || done == total) {
            snapshots.accept(current.get());
        }
    }
}
