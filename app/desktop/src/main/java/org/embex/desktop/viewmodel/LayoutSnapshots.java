package org.embex.desktop.viewmodel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;

/**
 * Hands a forming layout's snapshots to the UI thread, a few a second at most: the eye follows
 * the map forming, and each snapshot costs a frame. A snapshot the screen has not caught up with
 * is dropped rather than queued.
 */
final class LayoutSnapshots {

    private static final int SNAPSHOT_EVERY = 10;
    private static final long SNAPSHOT_NANOS = 120_000_000L;

    private final JobRunner runner;
    private final Job<Layout> job;
    private final Consumer<Layout> show;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong last = new AtomicLong();

    LayoutSnapshots(JobRunner runner, Job<Layout> job, Consumer<Layout> show) {
        this.runner = runner;
        this.job = job;
        this.show = show;
    }

    /** What the layout reports to: the job's progress and cancellation, and these snapshots. */
    LayoutWatch watch() {
        return new LayoutWatch(job.progress(), job.cancellation(), this::offer, SNAPSHOT_EVERY);
    }

    private void offer(Layout snapshot) {
        long now = System.nanoTime();
        if (now - last.get() >= SNAPSHOT_NANOS && pending.compareAndSet(false, true)) {
            last.set(now);
            runner.later(() -> {
                pending.set(false);
                show.accept(snapshot);
            });
        }
    }
}
