package org.embex.desktop.viewmodel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A job runner for tests without a screen: everything runs on the test's thread, in the order the
 * window's runner would, but only when the test says so. A started job and a step for later wait
 * in one queue; {@link #runAll()} works through it (and through what each step queues in turn), so
 * a test can look at or cancel a job between its start and its end.
 */
final class SameThreadJobs implements JobRunner {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private int started;

    @Override
    public <T> Job<T> start(String title, String unit, Job.Work<T> work) {
        // Changes the job posts to the UI thread go to the back of the queue, as Platform.runLater would put them.
        Job<T> job = new Job<>(title, unit, work, queue::add);
        started++;
        queue.add(job::run);
        return job;
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
