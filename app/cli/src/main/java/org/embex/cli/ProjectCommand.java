package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.cache.LayoutKey;
import org.embex.corpus.Corpus;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.layout.Layout;
import org.embex.layout.PrincipalComponents;
import org.embex.layout.Trustworthiness;
import org.embex.layout.Tsne;
import org.embex.layout.TsneParams;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.progress.ProgressListener;
import org.embex.neighbours.KnnGraph;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/** A 2D map of a corpus. */
@Command(name = "project", header = "Map a corpus to 2D (UMAP, t-SNE or PCA) and say how well the map keeps neighbourhoods.",
        description = "Writes id,x,y. trustworthiness is computed with k=15 on up to 5,000 points; knn_recall is the "
                + "share of true neighbours in the neighbour graph (exact for small corpora, NN-descent beyond), checked on 200 points.")
final class ProjectCommand implements Runnable {

    private static final int TRUST_K = 15;
    private static final int TRUST_SAMPLE = 5000;
    private static final int RECALL_CHECKS = 200;

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Option(names = "--method", defaultValue = "umap", paramLabel = "METHOD",
            description = "umap, tsne or pca (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--neighbors", defaultValue = "15", paramLabel = "N", description = "UMAP neighbourhood (default: ${DEFAULT-VALUE}).")
    private int neighbors;

    @Option(names = "--min-dist", defaultValue = "0.1", paramLabel = "X", description = "UMAP minimum distance (default: ${DEFAULT-VALUE}).")
    private double minDist;

    @Option(names = "--perplexity", defaultValue = "30", paramLabel = "P", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    private double perplexity;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "coords.csv", description = "Write id,x,y per row.")
    private Path target;

    @Override
    public void run() {
        String chosen = method.toLowerCase(Locale.ROOT);
        if (!List.of("umap", "tsne", "pca").contains(chosen)) {
            throw new BadInputException("unknown projection method '" + method + "', expected umap, tsne or pca");
        }
        UmapParams params;
        TsneParams tsne;
        try {
            params = UmapParams.defaults().withNeighbors(neighbors).withMinDist(minDist).withSeed(seed);
            tsne = TsneParams.defaults().withPerplexity(perplexity).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Corpus corpus = columns.read(file);
        if (corpus.rows().size() < 2) {
            throw new BadInputException(file + ": a map needs at least two rows");
        }
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            List<float[]> vectors = session.source().embed(corpus.texts(), Role.TEXT, bar).stream().map(Embedding::vector).toList();
            bar.finish();
            long started = System.nanoTime();
            LayoutKey key = LayoutKey.of(session.cache().sha256(file), columns.describe(file), session.source().fingerprint().hex(),
                    chosen, params, tsne);
            Optional<Layout> cached = session.cache().layout(key);
            Layout layout;
            Double recall = null;
            if (cached.isPresent()) {
                layout = cached.get();
            } else if (chosen.equals("pca") || vectors.size() <= params.neighbors()) {
                layout = PrincipalComponents.project(vectors, seed);
            } else if (chosen.equals("tsne")) {
                VectorMatrix data = VectorMatrix.of(vectors, session.embedder().descriptor().dims());
                KnnGraph knn = Tsne.neighbourGraph(data, tsne, ProgressListener.NONE);
                ProgressBar iterations = output.progress("t-SNE");
                layout = Tsne.layout(vectors, knn, tsne, org.embex.layout.LayoutWatch.of(iterations));
                iterations.finish();
                recall = knn.recall(data, Math.max(1, vectors.size() / RECALL_CHECKS));
            } else {
                VectorMatrix data = VectorMatrix.of(vectors, session.embedder().descriptor().dims());
                KnnGraph knn = Umap.neighbourGraph(data, params, ProgressListener.NONE);
                ProgressBar epochs = output.progress("umap");
                layout = Umap.layout(data, knn, params, org.embex.layout.LayoutWatch.of(epochs));
                epochs.finish();
                recall = knn.recall(data, Math.max(1, vectors.size() / RECALL_CHECKS));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (cached.isEmpty()) {
                session.cache().storeLayout(key, layout);
            }
            if (target != null) {
                List<List<?>> rows = new java.util.ArrayList<>();
                for (int i = 0; i < layout.points(); i++) {
                    rows.add(List.of(corpus.rows().get(i).id(), layout.x()[i], layout.y()[i]));
                }
                CsvOutput.write(target, List.of("id", "x", "y"), rows);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("method", chosen);
            result.put("model", session.embedder().descriptor().id());
            result.put("points", layout.points());
            result.put("seconds", seconds);
            result.put("cached", cached.isPresent());
            result.put("trustworthiness", layout.points() > 3 * TRUST_K + 1
                    ? Trustworthiness.of(vectors, layout, TRUST_K, Metric.COSINE, TRUST_SAMPLE, seed) : null);
            result.put("knn_recall", recall);
            result.put("seed", seed);
            if (target != null) {
                result.put("output", target.toString());
            }
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("%s map of %d points in %.1f s; trustworthiness %s%s%n", chosen, layout.points(), seconds,
                        result.get("trustworthiness"), recall == null ? "" : String.format("; neighbour graph recall %.3f", recall));
            }
        }
    }
}
