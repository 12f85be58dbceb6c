package org.embex.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

import org.embex.model.ModelFolder;
import org.embex.usecase.Workspace;

/**
 * The model shipped with the job and the model each executor embeds with. Spark ships files, not
 * folders (a local folder only in local mode), so the driver adds the folder's three files and each
 * executor puts them back into a folder of the model's name, once, for the model to be opened from
 * once and shared by its tasks: a model takes about a second to open, a task seconds to minutes.
 * Its sessions are opened as tasks find them busy, one per core at most (Embedder).
 */
final class ExecutorModels {

    private static final List<String> FILES = List.of(ModelFolder.DESCRIPTOR, ModelFolder.MODEL_FILE, ModelFolder.TOKENIZER_FILE);
    private static final Map<String, Opened> OPEN = new ConcurrentHashMap<>();

    /** A model folder on an executor and the workspace whose model it is. */
    record Opened(Path folder, Workspace workspace) {
    }

    private ExecutorModels() {
    }

    /** On the driver: the model folder's files, shipped to every executor of the job. */
    static void ship(JavaSparkContext context, Path folder) {
        FILES.forEach(file -> context.addFile(folder.resolve(file).toString()));
    }

    /**
     * On an executor: the shipped model as a folder named {@code modelName}, with a workspace whose
     * cache file is never created (parts are embedded once).
     */
    static Opened open(String modelName) {
        return OPEN.computeIfAbsent(modelName, name -> {
            try {
                Path scratch = Files.createTempDirectory("embex-executor-");
                Path folder = Files.createDirectories(scratch.resolve("models").resolve(name));
                for (String file : FILES) {
                    Files.copy(Path.of(SparkFiles.get(file)), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                return new Opened(folder, Workspace.open(folder.getParent(), scratch.resolve("unused-cache.sqlite")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
