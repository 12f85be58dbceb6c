package org.embex.usecase;

import java.util.Optional;
import java.util.OptionalDouble;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.cache.LayoutKey;
import org.embex.corpus.Corpus;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.PrincipalComponents;
import org.embex.layout.Trustworthiness;
import org.embex.layout.Tsne;
import org.embex.layout.TsneParams;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.neighbours.KnnGraph;
import org.embex.vectors.Metric;

/**
 * Makes a corpus's layout, or reads it back: layouts are kept in the vector cache under one key
 * (this class is the only place that builds it), so a layout made once by {@code project},
 * {@code plot} or the window opens at once in all three.
 */
public final class Layouts {

    /** Trustworthiness is measured on the 15 nearest neighbours of up to 5,000 sampled points. */
    public static final int TRUST_K = 15;
    public static final int TRUST_SAMPLE = 5000;

    /** The neighbour graph's recall is checked on about this many points. */
    private static final int RECALL_CHECKS = 200;

    private final Workspace workspace;
    private final UmapParams umap;
    private final TsneParams tsne;

    public Layouts(Workspace workspace, UmapParams umap, TsneParams tsne) {
        this.workspace = workspace;
        this.umap = umap;
        this.tsne = tsne;
    }

    /** The defaults both faces start from, with the default seed. */
    public static Layouts defaults(Workspace workspace) {
        return new Layouts(workspace, UmapParams.defaults().withSeed(Seed.DEFAULT), TsneParams.defaults().withSeed(Seed.DEFAULT));
    }

    /**
     * A layout and how it came about.
     *
     * @param cached    read back from the cache rather than computed
     * @param knnRecall the share of true neighbours in the neighbour graph, when one was built now
     * @param seconds   time to compute or read it, the embedding not included
     */
    public record Made(Layout layout, LayoutMethod method, boolean cached, OptionalDouble knnRecall, double seconds) {
    }

    /** A corpus a layout can be made of: two rows at least. Faces call it before they embed. */
    public static void check(Corpus corpus) {
        if (corpus.rows().size() < 2) {
            throw new BadInputException(corpus.source() + ": a layout needs at least two rows, found " + corpus.rows().size());
        }
    }

    /** The first view, in well under a second for tens of thousands of points. */
    public Layout quick(EmbeddedCorpus corpus) {
        return PrincipalComponents.project(corpus.vectors(), umap.seed());
    }

    public Optional<Layout> cached(EmbeddedCorpus corpus, LayoutMethod method) {
        return workspace.cache().layout(key(corpus, method));
    }

    /** Computes (or reads back) the layout, handing intermediate layouts to {@code watch}, and keeps it. */
    public Made make(EmbeddedCorpus corpus, LayoutMethod method, LayoutWatch watch) {
        long started = System.nanoTime();
        LayoutKey key = key(corpus, method);
        Optional<Layout> stored = workspace.cache().layout(key);
        if (stored.isPresent()) {
            return new Made(stored.get(), method, true, OptionalDouble.empty(), (System.nanoTime() - started) / 1e9);
        }
        Layout layout;
        OptionalDouble recall = OptionalDouble.empty();
        // Too few points for a neighbour graph: PCA, and said so in what is returned.
        boolean tooFew = method == LayoutMethod.UMAP ? corpus.size() <= umap.neighbours() : corpus.size() < 4;
        LayoutMethod used = tooFew ? LayoutMethod.PCA : method;
        if (used == LayoutMethod.PCA) {
            layout = quick(corpus);
        } else if (used == LayoutMethod.TSNE) {
            KnnGraph knn = Tsne.neighbourGraph(corpus.vectors(), tsne, watch.checkpoints());
            layout = Tsne.layout(corpus.vectors(), knn, tsne, watch);
            recall = OptionalDouble.of(recall(corpus, knn));
        } else {
            KnnGraph knn = Umap.neighbourGraph(corpus.vectors(), umap, watch.checkpoints());
            layout = Umap.layout(corpus.vectors(), knn, umap, watch);
            recall = OptionalDouble.of(recall(corpus, knn));
        }
        workspace.cache().storeLayout(key, layout);
        return new Made(layout, used, false, recall, (System.nanoTime() - started) / 1e9);
    }

    /** How well a layout keeps each point's neighbours (cosine, k = 15), or empty for too few points. */
    public OptionalDouble trustworthiness(EmbeddedCorpus corpus, Layout layout) {
        return layout.points() > 3 * TRUST_K + 1
                ? OptionalDouble.of(Trustworthiness.of(corpus.vectors(), layout, TRUST_K, Metric.COSINE, TRUST_SAMPLE, umap.seed()))
                : OptionalDouble.empty();
    }

    private static double recall(EmbeddedCorpus corpus, KnnGraph knn) {
        return knn.recall(corpus.vectors(), Math.max(1, corpus.size() / RECALL_CHECKS));
    }

    private LayoutKey key(EmbeddedCorpus corpus, LayoutMethod method) {
        return LayoutKey.of(CorpusHash.of(workspace.cache(), corpus), corpus.spec().describe(),
                corpus.fingerprint(), method.key(), umap, tsne);
    }
}
