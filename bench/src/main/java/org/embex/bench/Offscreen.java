package org.embex.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javafx.application.Platform;

import org.embex.EmbexException;

/**
 * JavaFX without a screen: the Monocle headless platform and the software renderer, started
 * once per process, so that the render benchmark times the window's own map view on a machine with
 * no display.
 */
final class Offscreen {

    private static boolean started;

    private Offscreen() {
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result. */
    static <T> T call(Supplier<T> work) {
        start();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbexException("interrupted while drawing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EmbexException("drawing failed: " + e.getCause(), e.getCause());
        }
    }

    private static synchronized void start() {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.lcdtext", "false");
        try {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Platform.startup(() -> ready.complete(null));
            ready.join();
        } catch (IllegalStateException alreadyRunning) {
            // The toolkit was started by someone else in this process (a test); use it as it is.
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
