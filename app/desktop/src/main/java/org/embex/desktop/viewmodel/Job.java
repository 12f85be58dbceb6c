package org.embex.desktop.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.embex.progress.CancellationToken;
import org.embex.progress.CancelledException;
import org.embex.progress.ProgressListener;

/**
 * Long work the view model starts, as the window sees it: a title, a message and progress to
 * bind, a state, and what follows when it ends. The work reports through the engine's
 * {@link ProgressListener} and stops at the engine's next check once cancelled (the engine never
 * sees a thread interrupt, so SQLite and ONNX Runtime calls finish cleanly and committed work is
 * kept). Its properties change on the UI thread only: a {@link JobRunner} runs the work
 * elsewhere and hands every change back through {@code ui}.
 */
public final class Job<T> {

    /** The work itself, given the job to report to. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Job<T> job);
    }

    /** Where a job is. */
    public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** The status line is read by a person: a few updates a second say as much as a hundred, for fewer frames. */
    private static final long REPORT_EVERY_NANOS = 150_000_000L;

    private final String title;
    private final String unit;
    private final Work<T> work;
    private final Executor ui;
    private final CancellationToken cancellation = new CancellationToken();
    private final ReadOnlyStringWrapper message;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private final List<Consumer<? super T>> onDone = new ArrayList<>();
    private final List<Consumer<Throwable>> onFailed = new ArrayList<>();
    private final List<Runnable> onCancelled = new ArrayList<>();
    private T value;
    private Throwable error;

    private volatile long started = System.nanoTime();
    private volatile long lastReport;
    private volatile long firstDone = -1;

    /**
     * @param ui runs a change of the job's properties on the UI thread (JavaFX's, or a test's own)
     */
    public Job(String title, String unit, Work<T> work, Executor ui) {
        this.title = title;
        this.unit = unit;
        this.work = work;
        this.ui = ui;
        this.message = new ReadOnlyStringWrapper(title + "…");
    }

    public String title() {
        return title;
    }

    public CancellationToken cancellation() {
        return cancellation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Done over total, or −1 while there is no count to show. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public boolean isDone() {
        return state.get() != State.RUNNING;
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
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0.5 ? (done - firstDone) / seconds : 0;
            StringBuilder text = new StringBuilder(String.format("%s  %,d / %,d %s", title, done, total, unit));
            if (rate > 0) {
                text.append(String.format("  ·  %,.0f %s/s", rate, unit));
                if (done < total) {
                    text.append(String.format("  ·  %s left", duration((total - done) / rate)));
                }
            }
            String said = text.toString();
            double fraction = total > 0 ? (double) done / total : -1;
            ui.execute(() -> {
                if (!isDone()) {
                    progress.set(fraction);
                    message.set(said);
                }
            });
        };
    }

    /** Says what is going on when there is no count to show. */
    public void say(String words) {
        ui.execute(() -> {
            if (!isDone()) {
                message.set(words);
            }
        });
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format("%.0f s", Math.max(1, seconds));
        }
        return String.format("%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    /** Runs the work on the caller's thread, the runner's worker, and hands the outcome to the UI thread. */
    public void run() {
        if (cancellation.isCancelled()) {
            return;
        }
        started = System.nanoTime();
        try {
            T result = work.run(this);
            ui.execute(() -> succeed(result));
        } catch (RuntimeException | Error e) {
            ui.execute(() -> fail(e));
        }
    }

    /** Stops the work at its next check; what follows a cancel runs at once. UI thread only. */
    public void cancel() {
        cancellation.cancel();
        if (!isDone()) {
            state.set(State.CANCELLED);
            onCancelled.forEach(Runnable::run);
        }
    }

    private void succeed(T result) {
        if (!isDone()) {
            value = result;
            progress.set(1);
            state.set(State.SUCCEEDED);
            onDone.forEach(listener -> listener.accept(result));
        }
    }

    private void fail(Throwable why) {
        if (why instanceof CancelledException) {
            cancel();
        } else if (!isDone()) {
            error = why;
            state.set(State.FAILED);
            onFailed.forEach(listener -> listener.accept(why));
        }
    }

    /** What follows success; called at once when the job already succeeded. */
    public Job<T> whenDone(Consumer<? super T> listener) {
        onDone.add(listener);
        if (state.get() == State.SUCCEEDED) {
            listener.accept(value);
        }
        return this;
    }

    /** What follows failure (a cancel is not one); called at once when the job already failed. */
    public Job<T> whenFailed(Consumer<Throwable> listener) {
        onFailed.add(listener);
        if (state.get() == State.FAILED) {
            listener.accept(error);
        }
        return this;
    }

    /** What follows a cancel; called at once when the job already was. */
    public Job<T> whenCancelled(Runnable listener) {
        onCancelled.add(listener);
        if (state.get() == State.CANCELLED) {
            listener.run();
        }
        return this;
    }
}
