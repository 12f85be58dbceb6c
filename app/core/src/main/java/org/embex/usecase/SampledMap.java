package org.embex.usecase;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.embex.cluster.ClusterMethod;
import org.embex.cluster.ClusterParams;
import org.embex.cluster.Clusterer;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.SamplePlacement;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.progress.ProgressListener;
import org.embex.vectors.VectorMatrix;

/**
 * A map of more points than one UMAP takes: a sample mapped with embex's UMAP and cut into
 * k-means clusters (on one machine, a cluster's driver), then any other point placed from its
 * nearest sample points and given the cluster of the nearest ({@link SamplePlacement}; anywhere,
 * a cluster's executors). The value is what a cluster ships to its executors.
 *
 * @param vectors  the sample's vectors, row after row
 * @param clusters each sample point's cluster, from 0
 */
public record SampledMap(float[] vectors, int dims, float[] x, float[] y, int[] clusters, long seed) implements Serializable {

    /** A point's place and cluster. */
    public record Place(float x, float y, int cluster) {
    }

    /** UMAP and k-means ({@code clusters} of them) of {@code sample}. */
    public static SampledMap of(List<float[]> sample, int clusters, long seed) {
        if (sample.size() <= UmapParams.DEFAULT_NEIGHBOURS) {
            throw new org.embex.BadInputException("a sampled map needs more than " + UmapParams.DEFAULT_NEIGHBOURS
                    + " sample points, found " + sample.size());
        }
        VectorMatrix matrix = VectorMatrix.of(sample, sample.get(0).length);
        Layout map = Umap.layout(matrix, UmapParams.defaults().withSeed(seed), LayoutWatch.of(ProgressListener.NONE));
        int[] labels = Clusterer.cluster(matrix, ClusterParams.defaults(ClusterMethod.KMEANS).withK(Math.min(clusters, sample.size()))
                .withSeed(seed));
        return new SampledMap(matrix.values().clone(), matrix.dims(), map.x(), map.y(), labels, seed);
    }

    /** Places points with this map; open one per process and share it (it holds the sample's search). */
    public Placer placer() {
        return new Placer(this);
    }

    /** Places points on a sampled map. */
    public static final class Placer {

        private final SampledMap map;
        private final SamplePlacement placement;

        private Placer(SampledMap map) {
            this.map = map;
            this.placement = SamplePlacement.of(VectorMatrix.wrap(map.vectors(), map.dims()), new Layout(map.x(), map.y()),
                    UmapParams.defaults().withSeed(map.seed()));
        }

        /** Each vector's place and cluster, in order. */
        public List<Place> place(List<float[]> vectors) {
            SamplePlacement.Placed placed = placement.place(vectors, map.seed());
            List<Place> places = new ArrayList<>(vectors.size());
            for (int i = 0; i < vectors.size(); i++) {
                places.add(new Place(placed.layout().x()[i], placed.layout().y()[i], map.clusters()[placed.nearest()[i]]));
            }
            return places;
        }
    }
}
