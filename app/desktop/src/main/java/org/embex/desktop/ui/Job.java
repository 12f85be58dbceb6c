package org.embex.desktop.ui;

import javafx.concurrent.Task;

import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * Long work off the JavaFX thread: reports progress with a rate and the time left, and stops at
 * the engine's next check when cancelled (the engine never sees a thread interrupt, so SQLite and
 * ONNX Runtime calls finish cleanly and committed work is kept).
 */
public final class Job<T> extends Task<T> {

    /** The work itself, given the job to report to. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Job<T> job);
    }

    private final String title;
    private final String unit;
    private final Work<T> work;
    private final CancellationToken cancellation = new CancellationToken();
    /** The status line is read by a person: a few updates a second say as much as a hundred, for fewer frames. */
    private static final long REPORT_EVERY_NANOS = 150_000_000L;

    private volatile long started;
    private volatile long lastReport;
    private volatile long firstDone = -1;

    public Job(String title, String unit, Work<T> work) {
        this.title = title;
        this.unit = unit;
        this.work = work;
        updateMessage(title + "…");
    }

    public String title() {
        return title;
    }

    public CancellationToken cancellation() {
        return cancellation;
    }

    /** Where the engine reports: progress bar, rate and time left. */
    public ProgressListener progress() {
        return (done, total) -> {
            cancellation.check();
            long now = System.nanoTime();
            if (firstDone < 0) {
                firstDone = done;
                started = now;
            }
            if (done < total && now - lastReport < REPORT_EVERY_NANOS) {
                return;
            }
            lastReport = now;
            updateProgress(done, total);
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0.5 ? (done - firstDone) / seconds : 0;
            StringBuilder message = new StringBuilder(String.format("%s  %,d / %,d %s", title, done, total, unit));
            if (rate > 0) {
                message.append(String.format("  ·  %,.0f %s/s", rate, unit));
                if (done < total) {
                    message.append(String.format("  ·  %s left", duration((total - done) / rate)));
                }
            }
            updateMessage(message.toString());
        };
    }

    /** Says what is going on when there is no count to show. */
    public void say(String message) {
        updateMessage(message);
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format("%.0f s", Math.max(1, seconds));
        }
        return String.format("%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    @Override
    protected T call() {
        started = System.nanoTime();
        return work.run(this);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        cancellation.cancel();
        return super.cancel(false);
    }
}
