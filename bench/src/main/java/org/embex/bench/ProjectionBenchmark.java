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
 * run: UMAP against umap-js (npm), t-SNE against scikit-learn's Barnes-Hut TSNE. Each gets the same
 * vectors through a .npy file and is timed on its fit alone; every layout is scored with the
 * same trustworthiness (k = 15, 5,000-point sample, cosine). Usage:
 * {@code bench/run project [--umap 10000,100000] [--tsne 10000,50000] [--search 100000] [--model ID]};
 * {@code --no-peers} times embex alone (a second run of its figures); {@code --search N} also measures the neighbour-graph index on N vectors ({@link GraphIndexBenchmark}).
 */
public final class ProjectionBenchmark {

    private static final long SEED = Seed.DEFAULT;
    private static final int TRUST_K = 15;
    private static final int TRUST_SAMPLE = 5000;
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-peers" -> peers = false;
                case "--umap" -> umapSizes = sizes(args[++i]);
                case "--tsne" -> tsneSizes = sizes(args[++i]);
                case "--search" -> searchSizes = sizes(args[++i]);
                case "--model" -> modelId = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int largest = java.util.stream.Stream.of(umapSizes, tsneSizes, searchSizes).flatMap(List::stream)
                .mapToInt(Integer::intValue).max().orElse(0);
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(modelId);
        Path work = Files.createDirectories(root.resolve("bench/target/projection"));
        List<float[]> all = ShortTextVectors.of(root, model, largest, "projection");
        System.out.printf("projection benchmark: %s vectors (%d dims) of distinct short texts from %s; 2 cores%n",
                modelId, model.descriptor().dims(), SentenceSource.find(root, model.descriptor().language()).location());
        System.out.printf("%-8s %8s  %-22s %9s  %15s%n", "method", "points", "implementation", "seconds", "trustworthiness");
        for (int n : searchSizes) {
            GraphIndexBenchmark.report(all.subList(0, Math.min(n, all.size())));
        }
        for (int n : umapSizes) {
            List<float[]> vectors = all.subList(0, Math.min(n, all.size()));
            Path input = writeVectors(work, vectors);
            long started = System.nanoTime();
            Layout ours = Umap.layout(vectors, UmapParams.defaults().withSeed(SEED), ProgressListener.NONE);
            report("umap", vectors, "embex", (System.nanoTime() - started) / 1e9, ours);
            if (!peers) {
                continue;
            }
            Path output = work.resolve("umap-js-" + vectors.size() + ".npy");
            double theirs = runPeer(List.of("node", root.resolve("bench/peers/umap.mjs").toString(), input.toString(),
                    output.toString(), String.valueOf(SEED)), root.resolve("bench/peers"));
            report("umap", vectors, "umap-js 1.4.0", theirs, NpyReader.layout(output));
        }
        for (int n : tsneSizes) {
            List<float[]> vectors = all.subList(0, Math.min(n, all.size()));
            Path input = writeVectors(work, vectors);
            long started = System.nanoTime();
            Layout ours = Tsne.layout(vectors, TsneParams.defaults().withSeed(SEED), ProgressListener.NONE);
            report("t-sne", vectors, "embex", (System.nanoTime() - started) / 1e9, ours);
            if (!peers) {
                continue;
            }
            Path output = work.resolve("sklearn-" + vectors.size() + ".npy");
            double theirs = runPeer(List.of("/usr/bin/python3", root.resolve("bench/peers/tsne.py").toString(),
                    input.toString(), output.toString(), String.valueOf(SEED)), root.resolve("bench/peers"));
            report("t-sne", vectors, "scikit-learn TSNE", theirs, NpyReader.layout(output));
        }
    }

    private static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : list.split(",")) {
            if (!size.isBlank()) {
                sizes.add(Integer.parseInt(size.strip()));
            }
        }
        return sizes;
    }

    private static Path writeVectors(Path work, List<float[]> vectors) {
        Path file = work.resolve("vectors-" + vectors.size() + ".npy");
        if (!Files.exists(file)) {
            NpyWriter.write(file, vectors, vectors.get(0).length);
        }
        return file;
    }

    private static void report(String method, List<float[]> vectors, String who, double seconds, Layout layout) {
        double trust = Trustworthiness.of(vectors, layout, TRUST_K, Metric.COSINE, TRUST_SAMPLE, SEED);
        System.out.printf("%-8s %8d  %-22s %9.1f  %15.4f%n", method, vectors.size(), who, seconds, trust);
        System.out.flush();
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
