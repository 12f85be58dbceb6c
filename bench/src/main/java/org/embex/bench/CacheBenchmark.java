package org.embex.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.embex.cache.CacheStats;
import org.embex.cache.CachingEmbedder;
import org.embex.cache.VectorCache;
import org.embex.embed.Embedder;
import org.embex.embed.Embedding;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * The cache on a corpus of short texts (100,000 by default): cold embedding into an empty cache,
 * the warm rerun that finds everything cached, loading all vectors back, one exact top-10 query
 * over them on one thread, and the bytes each vector takes on disk.
 * Usage: {@code bench/run cache [--texts N] [--model ID]}.
 */
public final class CacheBenchmark {

    private CacheBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        int count = 100_000;
        String modelId = "all-minilm-l6-v2";
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--texts")) {
                count = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--model")) {
                modelId = args[++i];
            }
        }
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(modelId);
        List<String> texts = ShortTexts.of(SentenceSource.find(root, model.descriptor().language()).sentences(), count);
        Path dir = Files.createTempDirectory("embex-cache-bench");
        Path cacheFile = dir.resolve("vectors.sqlite");
        System.out.printf("corpus: %,d distinct short texts; model %s; cache %s%n", texts.size(), modelId, cacheFile);

        try (Embedder embedder = Embedder.open(model)) {
            double cold;
            try (VectorCache cache = VectorCache.open(cacheFile)) {
                CachingEmbedder caching = new CachingEmbedder(embedder, cache, model);
                long start = System.nanoTime();
                CachingEmbedder.EmbedRun run = caching.run(texts, Role.TEXT, everyTenThousand());
                cold = (System.nanoTime() - start) / 1e9;
                System.out.printf("cold:  %,d embedded in %.1f s = %.0f texts/s%n", run.embedded(), cold, texts.size() / cold);
            }
            try (VectorCache cache = VectorCache.open(cacheFile)) {
                CachingEmbedder caching = new CachingEmbedder(embedder, cache, model);
                long start = System.nanoTime();
                CachingEmbedder.EmbedRun run = caching.run(texts, Role.TEXT, ProgressListener.NONE);
                double warm = (System.nanoTime() - start) / 1e9;
                System.out.printf("warm:  %,d cached, %d embedded in %.2f s = %.0f texts/s; %.0fx faster than cold "
                        + "(target >= 50x)%n", run.cached(), run.embedded(), warm, texts.size() / warm, cold / warm);

                int key = cache.modelKey(ModelFingerprint.of(model, cache), model.id(), model.descriptor().dims());
                List<byte[]> hashes = texts.stream().map(text -> VectorCache.textHash(model.descriptor().prefixes().apply(Role.TEXT, text))).toList();
                double[] loads = new double[3];
                List<float[]> vectors = new ArrayList<>();
                for (int r = 0; r < loads.length; r++) {
                    long loadStart = System.nanoTime();
                    var found = cache.get(key, hashes);
                    loads[r] = (System.nanoTime() - loadStart) / 1e9;
                    if (r == 0) {
                        hashes.forEach(hash -> vectors.add(found.get(ByteBuffer.wrap(hash)).vector()));
                    }
                }
                System.out.printf("load:  %,d vectors from the cache in %.2f s (median of 3; target <= 2 s)%n",
                        vectors.size(), Stats.median(loads));

                VectorMatrix matrix = VectorMatrix.of(vectors, model.descriptor().dims());
                double[] queries = new double[200];
                for (int q = 0; q < 50; q++) {
                    matrix.topK(vectors.get(q * 7 % vectors.size()), 10, Metric.COSINE);
                }
                for (int q = 0; q < queries.length; q++) {
                    float[] query = vectors.get(q * 131 % vectors.size());
                    long queryStart = System.nanoTime();
                    matrix.topK(query, 10, Metric.COSINE);
                    queries[q] = (System.nanoTime() - queryStart) / 1e6;
                }
                System.out.printf("query: exact top-10 cosine over %,d x %d on one thread: p50 %.1f ms, p90 %.1f ms "
                        + "(target <= 20 ms)%n", matrix.rows(), matrix.dims(), Stats.median(queries),
                        Stats.percentile(queries, 90));

                cache.vacuum();
                CacheStats stats = cache.stats();
                System.out.printf("disk:  %.1f MB for %,d vectors = %.0f bytes per %d-dim vector (raw floats: %d)%n",
                        stats.bytes() / 1e6, stats.vectors(), (double) stats.bytes() / stats.vectors(),
                        model.descriptor().dims(), model.descriptor().dims() * 4);
            }
        }
    }

    private static ProgressListener everyTenThousand() {
        java.util.concurrent.atomic.AtomicLong said = new java.util.concurrent.atomic.AtomicLong();
        return (done, total) -> {
            long step = done / 10_000;
            if (step > said.get() && said.getAndSet(step) < step) {
                Progress.say(String.format("cold run: %,d of %,d", done, total));
            }
        };
    }
}
