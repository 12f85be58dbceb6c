package org.embex.layout;

import java.util.List;

import org.embex.neighbours.KnnGraph;
import org.embex.neighbours.NeighbourGraphs;
import org.embex.progress.ProgressListener;
import org.embex.vectors.VectorMatrix;

/**
 * UMAP (McInnes, Healy and Melville 2018), following umap-learn: the fuzzy graph of the
 * neighbour graph (exact for small corpora, NN-descent beyond: {@link NeighbourGraphs}), a spectral start
 * ({@link SpectralStart}) or a PCA one, scaled to ±10, and stochastic gradient descent that
 * pulls each edge together as often as its weight says and pushes {@code negativeRate} random
 * points away, with a learning rate falling linearly to zero. Every point is kept: components of
 * the graph that are not connected still get a place from their start and their own edges.
 */
public final class Umap {

    private static final float START_SCALE = 10f;

    private Umap() {
    }

    public static Layout layout(List<float[]> vectors, UmapParams params, ProgressListener listener) {
        return layout(VectorMatrix.of(vectors, vectors.get(0).length), params, LayoutWatch.of(listener));
    }

    public static Layout layout(VectorMatrix data, UmapParams params, LayoutWatch watch) {
        if (data.rows() <= params.neighbours()) {
            return PrincipalComponents.project(data, params.seed());
        }
        return layout(data, neighbourGraph(data, params, watch.checkpoints()), params, watch);
    }

    /** The neighbour graph UMAP works on: each point's {@code neighbours − 1} nearest others. */
    public static KnnGraph neighbourGraph(VectorMatrix data, UmapParams params, ProgressListener listener) {
        return NeighbourGraphs.build(data, params.neighbours() - 1, params.metric(), params.seed(), listener);
    }

    /** The layout from a neighbour graph built by {@link #neighbourGraph}. */
    public static Layout layout(List<float[]> vectors, KnnGraph knn, UmapParams params, LayoutWatch watch) {
        return layout(VectorMatrix.of(vectors, vectors.get(0).length), knn, params, watch);
    }

    /** The layout from a neighbour graph built by {@link #neighbourGraph}. */
    public static Layout layout(VectorMatrix data, KnnGraph knn, UmapParams params, LayoutWatch watch) {
        return layout(data, knn, params, false, watch);
    }

    /**
     * The layout with every update made one after the other on one core, reading current positions
     * as umap-learn does: what the parallel update is measured against ({@code bench/run umap-causes}).
     */
    public static Layout layoutSequentially(VectorMatrix data, KnnGraph knn, UmapParams params) {
        return layout(data, knn, params, true, LayoutWatch.of(org.embex.progress.ProgressListener.NONE));
    }

    private static Layout layout(VectorMatrix data, KnnGraph knn, UmapParams params, boolean sequential, LayoutWatch watch) {
        FuzzyGraph graph = FuzzyGraph.of(knn, params.neighbours());
        float[] pca = scaled(PrincipalComponents.project(data, params.seed()));
        float[] coordinates = params.start() == UmapParams.Start.SPECTRAL ? SpectralStart.of(graph, pca, params.seed()) : pca;
        UmapSgd.optimise(coordinates, graph, params, params.epochsFor(data.rows()), sequential, watch, () -> toLayout(coordinates));
        return toLayout(coordinates);
    }

    private static Layout toLayout(float[] coordinates) {
        int n = coordinates.length / 2;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = coordinates[2 * i];
            y[i] = coordinates[2 * i + 1];
        }
        return new Layout(x, y);
    }

    /** PCA coordinates scaled so the largest magnitude is 10, umap-learn's starting range. */
    private static float[] scaled(Layout start) {
        float largest = 0;
        for (int i = 0; i < start.points(); i++) {
            largest = Math.max(largest, Math.max(Math.abs(start.x()[i]), Math.abs(start.y()[i])));
        }
        float scale = largest == 0 ? 1 : START_SCALE / largest;
        float[] coordinates = new float[2 * start.points()];
        for (int i = 0; i < start.points(); i++) {
            coordinates[2 * i] = start.x()[i] * scale;
            coordinates[2 * i + 1] = start.y()[i] * scale;
        }
        return coordinates;
    }
}
