package org.embex.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.embex.EmbexException;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.Workspace;

/**
 * The gates the server decides with, by name, each read from its file at start and read again
 * when the file changes (a new threshold picked in the workbench goes live without a restart). A
 * changed file that does not read as a gate leaves the gate in force and says why.
 */
final class Gates implements AutoCloseable {

    /** A gate in force, where it came from, and what went wrong with the file since, if anything. */
    record Loaded(Path file, GatePolicy policy, Instant loadedAt, FileTime modified, long size, Optional<String> problem) {
    }

    private final Workspace workspace;
    private final Metrics metrics;
    private final Consumer<String> log;
    private final Map<String, Loaded> gates = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embex-gate-watch");
        thread.setDaemon(true);
        return thread;
    });

    /** Reads every gate now: a server that cannot decide with a gate it was given does not start. */
    Gates(Workspace workspace, Map<String, Path> files, Metrics metrics, Consumer<String> log) {
        this.workspace = workspace;
        this.metrics = metrics;
        this.log = log;
        files.forEach((name, file) -> gates.put(name, read(file)));
    }

    /** Looks at the files every {@code millis} milliseconds. */
    void watch(long millis) {
        watcher.scheduleWithFixedDelay(this::reloadChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The gate {@code name}, or the only one when no name is given. */
    Loaded get(Optional<String> name) {
        if (name.isEmpty()) {
            if (gates.size() == 1) {
                return gates.values().iterator().next();
            }
            throw ApiError.badRequest(gates.isEmpty() ? "this server has no gate: start it with --gate NAME=FILE"
                    : "name the gate: \"gate\" is one of " + String.join(", ", names()));
        }
        Loaded found = gates.get(name.get());
        if (found == null) {
            throw ApiError.notFound("no gate '" + name.get() + "'" + (gates.isEmpty() ? "" : "; gates: " + String.join(", ", names())));
        }
        return found;
    }

    List<String> names() {
        return gates.keySet().stream().sorted().toList();
    }

    Map<String, Loaded> all() {
        return new LinkedHashMap<>(gates);
    }

    void reloadChanged() {
        gates.replaceAll((name, loaded) -> {
            try {
                FileTime modified = Files.getLastModifiedTime(loaded.file());
                long size = Files.size(loaded.file());
                if (modified.equals(loaded.modified()) && size == loaded.size()) {
                    return loaded;
                }
                Loaded fresh = read(loaded.file());
                metrics.reload(true);
                log.accept("gate " + name + ": read " + loaded.file() + " again (threshold " + fresh.policy().gate().threshold()
                        + ", " + fresh.policy().gate().intents().size() + " anchors)");
                return fresh;
            } catch (IOException | EmbexException e) {
                String why = e instanceof IOException ? loaded.file() + ": cannot read: " + e.getMessage() : e.getMessage();
                if (loaded.problem().filter(why::equals).isEmpty()) {
                    metrics.reload(false);
                    log.accept("gate " + name + ": kept the gate in force; the changed file does not read: " + why);
                }
                // Remembers the file's state, so that a broken file is reported once, not every second.
                return new Loaded(loaded.file(), loaded.policy(), loaded.loadedAt(), stamp(loaded.file(), loaded.modified()),
                        size(loaded.file(), loaded.size()), Optional.of(why));
            }
        });
    }

    private Loaded read(Path file) {
        FileTime modified = stamp(file, FileTime.fromMillis(0));
        long size = size(file, -1);
        return new Loaded(file, GatePolicy.open(workspace, file), Instant.now(), modified, size, Optional.empty());
    }

    private static FileTime stamp(Path file, FileTime otherwise) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return otherwise;
        }
    }

    private static long size(Path file, long otherwise) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return otherwise;
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
