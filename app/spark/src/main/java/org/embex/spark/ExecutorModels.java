package org.embex.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.embex.usecase.Workspace;

/**
 * The model each executor embeds with, opened once per executor and shared by its tasks: a model
 * takes about a second to open, a task seconds to minutes. Its sessions are opened as tasks find
 * them busy, one per core at most (Embedder).
 */
final class ExecutorModels {

    private static final Map<Path, Workspace> OPEN = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** A workspace whose model is the folder {@code model}; its cache file is never created (parts are embedded once). */
    static Workspace workspaceFor(Path model) {
        return OPEN.computeIfAbsent(model.toAbsolutePath().normalize(), folder -> {
            try {
                Path scratch = Files.createTempDirectory("embex-executor-");
                return Workspace.open(folder.getParent(), scratch.resolve("unused-cache.sqlite"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
