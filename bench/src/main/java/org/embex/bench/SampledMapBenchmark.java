package org.embex.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.embex.Seed;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.SampledUmap;
import org.embex.layout.Trustworthiness;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * The map that scales (UMAP of a sample, every other point placed from its nearest sample points)
 * against full UMAP on the same real vectors: seconds and trustworthiness (k = 15 on the same
 * 5,000 points, cosine) for each sample size, one seed after another. Usage:
 * {@code bench/run sampled-map [--points 100000] [--samples 10000,25000] [--seeds 1] [--set short|wordnet]}.
 */
final class SampledMapBenchmark {

    private SampledMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        int points = 100_000;
        int seeds = 1;
        List<Integer> samples = List.of(10_000, 25_000);
        boolean wordnet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--samples" -> {
                    List<Integer> sizes = new ArrayList<>();
                    for (String size : args[++i].split(",")) {
                        sizes.add(Integer.parseInt(size.trim()));
                    }
                    samples = sizes;
                }
                case "--set" -> wordnet = switch (args[++i]) {
                    case "wordnet" -> true;
                    case "short" -> false;
                    default -> throw new IllegalArgumentException("--set is short or wordnet, not " + args[i]);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled("all-minilm-l6-v2");
        List<float[]> vectors = wordnet ? ShortTextVectors.glosses(root, model, points)
                : ShortTextVectors.of(root, model, points, "projection");
        VectorMatrix data = VectorMatrix.of(vectors, vectors.get(0).length);
        System.out.printf("Sample-and-place against full UMAP: %d all-MiniLM-L6-v2 vectors of %s; trustworthiness k = 15 on"
                + " 5,000 points; %d cores%n", data.rows(), wordnet ? "WordNet's glosses" : "short texts in near-duplicate families",
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-22s %5s  %9s  %15s%n", "map", "seed", "seconds", "trustworthiness");
        for (int s = 0; s < seeds; s++) {
            long seed = Seed.DEFAULT + s;
            UmapParams params = UmapParams.defaults().withSeed(seed);
            long started = System.nanoTime();
            Layout full = Umap.layout(data, params, LayoutWatch.of(ProgressListener.NONE));
            report("full UMAP", seed, started, data, full);
            for (int size : samples) {
                started = System.nanoTime();
                Layout sampled = SampledUmap.layout(data, size, params, LayoutWatch.of(ProgressListener.NONE));
                report(String.format("sample %,d + placed", size), seed, started, data, sampled);
            }
        }
    }

    private static void report(String name, long seed, long started, VectorMatrix data, Layout layout) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double trust = Trustworthiness.of(data, layout, 15, Metric.COSINE, 5000, Seed.DEFAULT);
        System.out.printf("%-22s %5d  %9.1f  %15.4f%n", name, seed, seconds, trust);
        System.out.flush();
    }
}
