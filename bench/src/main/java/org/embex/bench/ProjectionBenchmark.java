package org.embex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.embex.Seed;
import org.embex.layout.Layout;
import org.embex.layout.Trustworthiness;
import org.embex.layout.Tsne;
import org.embex.layout.TsneParams;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.NpyWriter;

/**
 * embex's maps against the peers a user would run instead, on the same real embeddings in one
 * run: UMAP against umap-js (npm, up to 50,000 points), umap-learn and uwot (Debian's
 * {@code umap-learn} and {@code r-cran-uwot}), each over {@code --seeds} seeds (3), reported as
 * mean ± spread; t-SNE against scikit-learn's Barnes-Hut TSNE. Each gets the same
 * vectors through a .npy file and is timed on its fit alone; every layout is scored with the
 * same trustworthiness (k = 15, 5,000-point sample, cosine). Usage:
 * {@code bench/run project [--umap 10000,100000] [--tsne 10000,50000] [--search 100000] [--seeds 3]
 * [--set short|wordnet] [--model ID]};
 * {@code --no-peers} times embex alone (a second run of its figures); {@code --search N} also measures the neighbour-graph index on N vectors ({@link GraphIndexBenchmark}).
 */
public final class ProjectionBenchmark {

    private static final long SEED = Seed.DEFAULT;
    private static final int TRUST_K = 15;
    private static final int TRUST_SAMPLE = 5000;
    /** umap-js takes minutes beyond this many points. */
    private static final int UMAP_JS_UP_TO = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        List<Integer> umapSizes = List.of(10_000);
        List<Integer> tsneSizes = List.of(10_000);
        List<Integer> searchSizes = List.of();
        String modelId = "all-minilm-l6-v2";
        boolean peers = true;
        boolean wordnet = false;
        int seeds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-peers" -> peers = false;
                case "--umap" -> umapSizes = BenchArgs.sizes(args[++i]);
                case "--tsne" -> tsneSizes = BenchArgs.sizes(args[++i]);
                case "--search" -> searchSizes = BenchArgs.sizes(args[++i]);
                case "--model" -> modelId = args[++i];
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--set" -> wordnet = switch (args[++i]) {
                    case "wordnet" -> true;
                    case "short" -> false;
                    default -> throw new IllegalArgumentException("--set is short or wordnet, not " + args[i]);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int largest = java.util.stream.Stream.of(umapSizes, tsneSizes, searchSizes).flatMap(List::stream)
                .mapToInt(Integer::intValue).max().orElse(0);
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(modelId);
        Path work = Files.createDirectories(root.resolve("bench/target/projection"));
        List<float[]> all = wordnet ? ShortTextVectors.glosses(root, model, largest)
                : ShortTextVectors.of(root, model, largest, "projection");
        System.out.printf("projection benchmark: %s vectors (%d dims) of %s; 2 cores; UMAP: mean ± spread of %d seeds%n",
                modelId, model.descriptor().dims(), wordnet ? "WordNet's glosses (Debian wordnet-base)"
                        : "short texts in near-duplicate families from " + SentenceSource.find(root, model.descriptor().language()).location(),
                seeds);
        System.out.printf("%-8s %8s  %-22s %15s  %17s%n", "method", "points", "implementation", "seconds", "trustworthiness");
        for (int n : searchSizes) {
            GraphIndexBenchmark.report(all.subList(0, Math.min(n, all.size())));
        }
        for (int n : umapSizes) {
            List<float[]> vectors = all.subList(0, Math.min(n, all.size()));
            Path input = writeVectors(work, vectors, wordnet);
            List<double[]> ours = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                long started = System.nanoTime();
                Layout layout = Umap.layout(vectors, UmapParams.defaults().withSeed(SEED + s), ProgressListener.NONE);
                ours.add(new double[] {(System.nanoTime() - started) / 1e9, trust(vectors, layout)});
                // Each seed on stderr, so a wide spread can be traced to the seed that made it.
                Progress.say(String.format("embex seed %d: %.1f s, trustworthiness %.4f", SEED + s, ours.get(s)[0], ours.get(s)[1]));
            }
            reportRuns("umap", vectors.size(), "embex", ours);
            if (!peers) {
                continue;
            }
            Path peerDir = root.resolve("bench/peers");
            if (vectors.size() <= UMAP_JS_UP_TO) {
                reportRuns("umap", vectors.size(), "umap-js 1.4.0", peerRuns(vectors, seeds, work, "umap-js", peerDir,
                        (output, seed) -> List.of("node", peerDir.resolve("umap.mjs").toString(), input.toString(), output.toString(), seed)));
            } else {
                System.out.printf("%-8s %8d  %-22s %15s%n", "umap", vectors.size(), "umap-js 1.4.0", "skipped above " + UMAP_JS_UP_TO);
            }
            reportRuns("umap", vectors.size(), "umap-learn 0.5.3", peerRuns(vectors, seeds, work, "umap-learn", peerDir,
                    (output, seed) -> List.of("/usr/bin/python3", peerDir.resolve("umap_learn.py").toString(), input.toString(),
                            output.toString(), seed)));
            reportRuns("umap", vectors.size(), "uwot 0.1.14", peerRuns(vectors, seeds, work, "uwot", peerDir,
                    (output, seed) -> List.of("Rscript", peerDir.resolve("uwot.R").toString(), input.toString(), output.toString(), seed)));
        }
        for (int n : tsneSizes) {
            List<float[]> vectors = all.subList(0, Math.min(n, all.size()));
            Path input = writeVectors(work, vectors, wordnet);
            long started = System.nanoTime();
            Layout ours = Tsne.layout(vectors, TsneParams.defaults().withSeed(SEED), ProgressListener.NONE);
            reportRuns("t-sne", vectors.size(), "embex", List.of(new double[] {(System.nanoTime() - started) / 1e9, trust(vectors, ours)}));
            if (!peers) {
                continue;
            }
            Path output = work.resolve("sklearn-" + vectors.size() + ".npy");
            double theirs = runPeer(List.of("/usr/bin/python3", root.resolve("bench/peers/tsne.py").toString(),
                    input.toString(), output.toString(), String.valueOf(SEED)), root.resolve("bench/peers"));
            reportRuns("t-sne", vectors.size(), "scikit-learn TSNE", List.of(new double[] {theirs, trust(vectors, NpyReader.layout(output))}));
        }
    }

    /** A peer's command for one run: where it writes its layout, and its seed. */
    private interface PeerCommand {
        List<String> of(Path output, String seed);
    }

    /** Seconds and trustworthiness of {@code seeds} runs of a peer. */
    private static List<double[]> peerRuns(List<float[]> vectors, int seeds, Path work, String name, Path directory, PeerCommand command)
            throws IOException, InterruptedException {
        List<double[]> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            Path output = work.resolve(name + "-" + vectors.size() + "-" + s + ".npy");
            double seconds = runPeer(command.of(output, String.valueOf(SEED + s)), directory);
            runs.add(new double[] {seconds, trust(vectors, NpyReader.layout(output))});
        }
        return runs;
    }

    private static double trust(List<float[]> vectors, Layout layout) {
        return Trustworthiness.of(vectors, layout, TRUST_K, Metric.COSINE, TRUST_SAMPLE, SEED);
    }

    /** Mean ± standard deviation of each figure over the runs. */
    private static void reportRuns(String method, int points, String who, List<double[]> runs) {
        System.out.printf("%-8s %8d  %-22s %15s  %17s%n", method, points, who, spread(runs, 0, "%.1f"), spread(runs, 1, "%.4f"));
        System.out.flush();
    }

    private static String spread(List<double[]> runs, int column, String format) {
        double mean = runs.stream().mapToDouble(run -> run[column]).average().orElse(Double.NaN);
        double variance = runs.stream().mapToDouble(run -> (run[column] - mean) * (run[column] - mean)).sum() / Math.max(1, runs.size() - 1);
        return String.format(format, mean) + " ± " + String.format(format, Math.sqrt(variance));
    }

    private static Path writeVectors(Path work, List<float[]> vectors, boolean wordnet) {
        Path file = work.resolve((wordnet ? "wordnet-" : "vectors-") + vectors.size() + ".npy");
        if (!Files.exists(file)) {
            NpyWriter.write(file, vectors, vectors.get(0).length);
        }
        return file;
    }


    /** Runs a peer, which prints {"seconds": s} for its fit; its other output goes to our stderr. */
    private static double runPeer(List<String> command, Path directory) throws IOException, InterruptedException {
        Progress.say("running " + String.join(" ", command));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.HOURS) || process.exitValue() != 0) {
            throw new IOException("peer failed: " + String.join(" ", command) + "\n" + out);
        }
        String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
        return JSON.readTree(last).path("seconds").asDouble(Double.NaN);
    }
}
