package org.embex.desktop.viewmodel;

/**
 * Where the view model's long work runs and where its outcome comes back: the window runs jobs on
 * worker threads and returns to the JavaFX thread; tests run them on their own thread, one step
 * at a time.
 */
public interface JobRunner {

    /** Starts {@code work} away from the UI thread; the job's changes and outcome come back on it. */
    <T> Job<T> start(String title, String unit, Job.Work<T> work);

    /** Runs {@code step} on the UI thread after what is already queued there (safe from any thread). */
    void later(Runnable step);
}
