package org.embex.cli;

import java.io.PrintWriter;

import org.embex.progress.ProgressListener;

/** Draws progress with rate and time left on one stderr line, a few times a second at most. */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String what;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String eta = rate > 0 && done < total ? String.format(" ETA %ds", Math.round((total - done) / rate)) : "";
        err.printf("\r%s [%s%s] %d/%d %.0f/s%s   ", what, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total,
                rate, eta);
        err.flush();
    }

    /** Ends the line once the work is over. */
    public synchronized void finish() {
        if (err != null && drawn) {
            err.println();
            err.flush();
        }
    }
}
