package org.embex.desktop.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.embex.desktop.viewmodel.Job;
import org.embex.desktop.viewmodel.JobRunner;

/** The window's job runner: work on daemon worker threads, every change and outcome back on the JavaFX thread. */
public final class BackgroundJobs implements JobRunner, AutoCloseable {

    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "embex-job");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> Job<T> start(String title, String unit, Job.Work<T> work) {
        Job<T> job = new Job<>(title, unit, work, Platform::runLater);
        workers.submit(job::run);
        return job;
    }

    @Override
    public void later(Runnable step) {
        Platform.runLater(step);
    }

    /** Stops the workers; jobs stop at their next progress report, so they get that long before the workspace closes under them. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
