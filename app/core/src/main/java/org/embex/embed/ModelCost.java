package org.embex.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/**
 * What a model costs on this machine, measured, not read off its file: texts a second on a corpus's
 * texts, the median time of one typed query, and the memory the loaded model holds (the process's
 * resident set before and after opening it and running it once, so the ONNX sessions and their
 * arenas count; Linux's /proc, none elsewhere), beside the size of its file.
 *
 * @param residentBytes empty where the resident set cannot be read
 */
public record ModelCost(String model, double textsPerSecond, double queryMillis, OptionalLong residentBytes, long fileBytes) {

    /** Queries timed one at a time for the median, after a warm-up one. */
    private static final int QUERIES = 40;

    public static ModelCost measure(ModelFolder model, EmbedderOptions options, List<String> texts) {
        long before = resident();
        try (Embedder embedder = Embedder.open(model, options)) {
            embedder.embed(texts.subList(0, Math.min(32, texts.size())), Role.TEXT, ProgressListener.NONE);
            long started = System.nanoTime();
            embedder.embed(texts, Role.TEXT, ProgressListener.NONE);
            double rate = texts.size() / ((System.nanoTime() - started) / 1e9);
            int queries = Math.min(QUERIES, texts.size());
            embedder.embed(texts.get(0), Role.TEXT);
            long[] nanos = new long[queries];
            for (int q = 0; q < queries; q++) {
                long start = System.nanoTime();
                embedder.embed(texts.get(q), Role.TEXT);
                nanos[q] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            long after = resident();
            OptionalLong held = before > 0 && after > 0 ? OptionalLong.of(Math.max(0, after - before)) : OptionalLong.empty();
            return new ModelCost(model.descriptor().id(), rate, nanos[queries / 2] / 1e6, held, size(model.modelFile()));
        }
    }

    /** The process's resident set in bytes after a collection, or 0 where /proc does not say. */
    private static long resident() {
        System.gc();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the memory is not reported rather than guessed.
        }
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
