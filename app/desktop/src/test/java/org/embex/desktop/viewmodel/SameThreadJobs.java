package org.embex.desktop.viewmodel;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A job runner for tests without a screen: everything runs on the test's thread, in the order the
 * window's runner would, but only when the test says so. A started job and a step for later wait
 * in one queue; {@link #runAll()} works through it (and through what each step queues in turn), so
 * a test can look at or cancel a job between its start and its end.
 */
final class SameThreadJobs implements JobRunner {

    /** Concurrent: the engine reports progress from its own worker threads. */
    private final Deque<Runnable> queue = new ConcurrentLinkedDeque<>();
    private int started;
    private volatile String cancelled;
    private volatile BooleanSupplier when;

    @Override
    public <T> Job<T> start(String title, String unit, Job.Work<T> work) {
        AtomicReference<Job<T>> self = new AtomicReference<>();
        // Changes the job posts to the UI thread go to the back of the queue, as Platform.runLater would put them.
        Job<T> job = new Job<>(title, unit, work, change -> {
            queue.add(change);
            if (cancelled != null && title.startsWith(cancelled) && when.getAsBoolean()) {
                cancelled = null;
                self.get().cancellation().cancel();
            }
        });
        self.set(job);
        started++;
        queue.add(job::run);
        return job;
    }

    /**
     * Cancels the next job whose title starts with {@code title} while its work runs, at the first
     * report after {@code when} holds: the engine stops at its next check and the job ends
     * cancelled, as after a person's click on Cancel.
     */
    void cancelWhileRunning(String title, BooleanSupplier when) {
        this.when = when;
        cancelled = title;
    }

    @Override
    public void later(Runnable step) {
        queue.add(step);
    }

    /** Runs what is queued, and what that queues, until nothing is left. */
    void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    /** Runs the first thing queued only. */
    void runNext() {
        Runnable next = queue.poll();
        if (next != null) {
            next.run();
        }
    }

    /** How many jobs were started so far. */
    int started() {
        return started;
    }
}
