package org.embex.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.embex.Seed;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.Trustworthiness;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.neighbours.ExactKnn;
import org.embex.neighbours.KnnGraph;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Where UMAP's faithfulness goes at scale, one cause at a time on the same vectors and the same
 * trustworthiness sample (k = 15, 5,000 points, cosine): from embex's defaults, change only the
 * start (spectral or PCA), the neighbour graph (NN-descent or exact), the epochs, the negative
 * samples, the repulsion, or the parallel update (against every update in turn on current
 * positions). Usage:
 * {@code bench/run umap-causes [--points 100000] [--seeds 1] [--exact] [--set short|wordnet]}.
 */
final class UmapCauses {

    private UmapCauses() {
    }

    private record Variant(String name, UmapParams params, boolean exactGraph, boolean sequential) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        int points = 100_000;
        int seeds = 1;
        boolean exact = false;
        boolean wordnet = false;
        String modelId = "all-minilm-l6-v2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--exact" -> exact = true;
                case "--set" -> wordnet = switch (args[++i]) {
                    case "wordnet" -> true;
                    case "short" -> false;
                    default -> throw new IllegalArgumentException("--set is short or wordnet, not " + args[i]);
                };
                case "--model" -> modelId = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(modelId);
        List<float[]> vectors = wordnet ? ShortTextVectors.glosses(root, model, points)
                : ShortTextVectors.of(root, model, points, "projection");
        VectorMatrix data = VectorMatrix.of(vectors, vectors.get(0).length);
        System.out.printf("UMAP, one cause at a time: %d %s vectors of %s; trustworthiness k = 15 on 5,000 points; %d cores%n",
                data.rows(), modelId, wordnet ? "WordNet's glosses" : "short texts in near-duplicate families",
                Runtime.getRuntime().availableProcessors());
        UmapParams defaults = UmapParams.defaults();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("defaults (PCA start, repulsion 2)", defaults, false, false));
        variants.add(new Variant("repulsion 1 (umap-learn's)", defaults.withRepulsion(1), false, false));
        variants.add(new Variant("spectral start", defaults.withStart(UmapParams.Start.SPECTRAL), false, false));
        variants.add(new Variant("500 epochs", defaults.withEpochs(500), false, false));
        variants.add(new Variant("10 negative samples", defaults.withNegativeRate(10), false, false));
        variants.add(new Variant("sequential update (1 core)", defaults, false, true));
        if (exact) {
            variants.add(new Variant("exact neighbour graph", defaults, true, false));
        }
        long started = System.nanoTime();
        KnnGraph descent = Umap.neighbourGraph(data, defaults, ProgressListener.NONE);
        double descentSeconds = seconds(started);
        double recall = descent.recall(data, Math.max(1, data.rows() / 200));
        System.out.printf("NN-descent graph: %.1f s, recall %.4f%n", descentSeconds, recall);
        KnnGraph exactGraph = null;
        if (exact) {
            started = System.nanoTime();
            exactGraph = ExactKnn.build(data, defaults.neighbours() - 1, defaults.metric(), ProgressListener.NONE);
            System.out.printf("exact graph: %.1f s%n", seconds(started));
        }
        System.out.printf("%-34s %5s  %9s  %15s%n", "variant", "seed", "layout s", "trustworthiness");
        for (Variant variant : variants) {
            for (int s = 0; s < seeds; s++) {
                long seed = Seed.DEFAULT + s;
                KnnGraph graph = variant.exactGraph() ? exactGraph : descent;
                started = System.nanoTime();
                UmapParams params = variant.params().withSeed(seed);
                Layout layout = variant.sequential() ? Umap.layoutSequentially(data, graph, params)
                        : Umap.layout(data, graph, params, LayoutWatch.of(ProgressListener.NONE));
                double layoutSeconds = seconds(started);
                double trust = Trustworthiness.of(data, layout, 15, Metric.COSINE, 5000, Seed.DEFAULT);
                System.out.printf("%-34s %5d  %9.1f  %15.4f%n", variant.name(), seed, layoutSeconds, trust);
                System.out.flush();
            }
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
