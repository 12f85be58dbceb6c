package org.embex.progress;

/** Lets one thread ask long work on another to stop; the work checks it between steps. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Ends the work with {@link CancelledException} once cancellation was asked for. */
    public void check() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
