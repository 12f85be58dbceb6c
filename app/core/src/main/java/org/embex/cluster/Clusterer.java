package org.embex.cluster;

import java.time.OffsetDateTime;
import java.util.List;

import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import org.embex.vectors.VectorMatrix;

/** Assigns each vector to a cluster, 0 to n−1, or {@link #NOISE}. */
public final class Clusterer {

    public static final int NOISE = -1;
    /** HDBSCAN's k for core distances: the default of the reference implementation. */
    private static final int CORE_NEIGHBOURS = 5;
    private static final int KMEANS_ITERATIONS = 100;
    /** Tribuo logs each run at INFO, which would land on a command's stderr; held so it is not collected. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger(HdbscanTrainer.class.getName());

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private Clusterer() {
    }

    public static int[] cluster(List<float[]> vectors, ClusterParams params) {
        return cluster(VectorMatrix.of(vectors, vectors.get(0).length), params);
    }

    public static int[] cluster(VectorMatrix vectors, ClusterParams params) {
        return switch (params.method()) {
            case KMEANS -> kmeans(vectors, params);
            case HDBSCAN -> hdbscan(vectors, params);
        };
    }

    private static int[] kmeans(VectorMatrix vectors, ClusterParams params) {
        return KMeans.fit(vectors, params.k(), KMEANS_ITERATIONS, params.seed());
    }

    private static int[] hdbscan(VectorMatrix vectors, ClusterParams params) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("embex vectors", OffsetDateTime.now(), factory), factory);
        int dims = vectors.dims();
        String[] names = new String[dims];
        for (int j = 0; j < dims; j++) {
            names[j] = String.format("d%04d", j);
        }
        for (int row = 0; row < vectors.rows(); row++) {
            float[] vector = vectors.row(row);
            double[] values = new double[dims];
            for (int j = 0; j < dims; j++) {
                values[j] = vector[j];
            }
            dataset.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, values));
        }
        HdbscanTrainer trainer = new HdbscanTrainer(params.minClusterSize(), DistanceType.L2.getDistance(),
                CORE_NEIGHBOURS, Runtime.getRuntime().availableProcessors(), NeighboursQueryFactoryType.BRUTE_FORCE);
        HdbscanModel model = trainer.train(dataset);
        // Tribuo numbers clusters from 1 and calls noise 0; renumber densely from 0.
        List<Integer> labels = model.getClusterLabels();
        java.util.Map<Integer, Integer> dense = new java.util.TreeMap<>();
        labels.stream().filter(label -> label != 0).distinct().sorted().forEach(label -> dense.put(label, dense.size()));
        return labels.stream().mapToInt(label -> label == 0 ? NOISE : dense.get(label)).toArray();
    }
}
