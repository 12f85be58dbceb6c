package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.corpus.Corpus;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.TsneParams;
import org.embex.layout.UmapParams;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.Workspace;

/** A 2D layout of a corpus. */
@Command(name = "project", header = "Lay a corpus out in 2D (UMAP, t-SNE or PCA) and say how well the layout keeps neighbourhoods.",
        description = "Writes id,x,y. trustworthiness is computed with k=15 on up to 5,000 points; knn_recall is the "
                + "share of true neighbours in the neighbour graph (exact for small corpora, NN-descent beyond), checked on 200 "
                + "points. The layout is kept in the cache, where the explorer and plot find it.")
final class ProjectCommand implements Runnable, ShowsSkippedRows {

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

    @Option(names = {"--neighbours", "--neighbors"}, defaultValue = "" + UmapParams.DEFAULT_NEIGHBOURS, paramLabel = "N",
            description = "UMAP neighbourhood (default: ${DEFAULT-VALUE}).")
    private int neighbours;

    @Option(names = "--min-dist", defaultValue = "" + UmapParams.DEFAULT_MIN_DIST, paramLabel = "X", description = "UMAP minimum distance (default: ${DEFAULT-VALUE}).")
    private double minDist;

    @Option(names = "--repulsion", defaultValue = "" + UmapParams.DEFAULT_REPULSION, paramLabel = "G",
            description = "How hard UMAP's random points push; umap-learn's is 1 (default: ${DEFAULT-VALUE}).")
    private double repulsion;

    @Option(names = "--start", defaultValue = "pca", paramLabel = "START",
            description = "Where UMAP's points begin: pca, or spectral as umap-learn begins (default: ${DEFAULT-VALUE}).")
    private String start;

    @Option(names = "--perplexity", defaultValue = "" + TsneParams.DEFAULT_PERPLEXITY, paramLabel = "P", description = "t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    private double perplexity;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "coords.csv", description = "Write id,x,y per row.")
    private Path target;

    @Override
    public void run() {
        LayoutMethod chosen = LayoutMethod.parse(method);
        UmapParams umap;
        TsneParams tsne;
        try {
            umap = UmapParams.defaults().withNeighbours(neighbours).withMinDist(minDist).withRepulsion(repulsion).withSeed(seed)
                    .withStart(UmapParams.Start.parse(start));
            tsne = TsneParams.defaults().withPerplexity(perplexity).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        CorpusSpec spec = columns.spec(file);
        Corpus read = spec.read();
        Layouts.check(read);
        try (Workspace workspace = model.workspace(cache)) {
            EmbeddedCorpus corpus = FileEmbedding.of(workspace, spec, read, model.model, output);
            Layouts layouts = new Layouts(workspace, umap, tsne);
            ProgressBar iterations = output.progress(chosen.label());
            Layouts.Made made = layouts.make(corpus, chosen, LayoutWatch.of(iterations));
            iterations.finish();
            Layout layout = made.layout();
            if (target != null) {
                List<List<?>> rows = new ArrayList<>();
                for (int i = 0; i < layout.points(); i++) {
                    rows.add(List.of(corpus.row(i).id(), layout.x()[i], layout.y()[i]));
                }
                CsvOutput.write(target, List.of("id", "x", "y"), rows);
            }
            OptionalDouble trust = layouts.trustworthiness(corpus, layout);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("method", made.method().key());
            result.put("model", corpus.model());
            result.put("points", layout.points());
            SkippedRows.put(result, corpus.corpus());
            result.put("seconds", made.seconds());
            result.put("cached", made.cached());
            result.put("trustworthiness", trust.isPresent() ? trust.getAsDouble() : null);
            result.put("knn_recall", made.knnRecall().isPresent() ? made.knnRecall().getAsDouble() : null);
            result.put("seed", seed);
            if (made.method() == LayoutMethod.UMAP) {
                result.put("start", umap.start().name().toLowerCase(java.util.Locale.ROOT));
                result.put("repulsion", umap.repulsion());
            }
            if (target != null) {
                result.put("output", target.toString());
            }
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("%s layout of %d points in %.1f s%s; trustworthiness %s%s%n", made.method().label(), layout.points(),
                        made.seconds(), made.cached() ? " (from the cache)" : "",
                        trust.isPresent() ? String.format("%.4f", trust.getAsDouble()) : "n/a (too few points)",
                        made.knnRecall().isPresent() ? String.format("; neighbour graph recall %.3f", made.knnRecall().getAsDouble()) : "");
            }
        }
    }
}
