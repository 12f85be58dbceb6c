package org.embex.usecase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.cluster.ClusterAnalysis;
import org.embex.cluster.ClusterMethod;
import org.embex.cluster.ClusterParams;
import org.embex.cluster.ClusterReport;
import org.embex.cluster.TopicTree;

/**
 * Clusters of a corpus, each named by its topic words, so a legend or a report says what a
 * cluster is about rather than only its number. The window's colouring and {@code cluster} use
 * the same count rule, the same number of words and the same seed, and so show the same clusters.
 *
 * @param names    a name per row ("3 · roaming, abroad, charges, spain, travel"; "noise" for HDBSCAN's noise)
 * @param warnings what the person should know of the result, and what to change (most rows noise)
 */
public record Clusters(ClusterReport report, List<String> names, List<String> warnings) {

    /** Words that name a cluster, in the legend and in {@code cluster}'s report. */
    public static final int TOPIC_WORDS = 5;

    /** Above this share of noise HDBSCAN's clusters describe a corner of the corpus, not the corpus: said. */
    public static final double MOSTLY_NOISE = 0.5;

    public Clusters {
        names = List.copyOf(names);
        warnings = List.copyOf(warnings);
    }

    /** About √(n/2) clusters, a common rule of thumb, kept within 2–30 so a legend stays readable. */
    public static int defaultCount(int rows) {
        return (int) Math.max(2, Math.min(30, Math.round(Math.sqrt(rows / 2.0))));
    }

    /**
     * The parameters for a corpus of {@code rows}: k as given, or {@link #defaultCount}. A k above
     * the number of rows is a bad input (each row would be its own cluster).
     */
    public static ClusterParams params(int rows, ClusterMethod method, Optional<Integer> k, Optional<Integer> minClusterSize,
                                       long seed) {
        if (rows < 2) {
            throw new BadInputException("clustering needs at least two rows, found " + rows);
        }
        int count = k.orElse(defaultCount(rows));
        if (count > rows) {
            throw new BadInputException("k = " + count + " clusters is more than the " + rows + " rows");
        }
        try {
            ClusterParams params = ClusterParams.defaults(method).withK(count).withSeed(seed);
            return minClusterSize.map(params::withMinClusterSize).orElse(params);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** k-means with the default count and seed: what the window colours by. */
    public static Clusters of(EmbeddedCorpus corpus) {
        return of(corpus, params(corpus.size(), ClusterMethod.KMEANS, Optional.empty(), Optional.empty(),
                Seed.DEFAULT));
    }

    public static Clusters of(EmbeddedCorpus corpus, ClusterParams params) {
        ClusterReport report = ClusterAnalysis.run(corpus.model(), corpus.vectors(), corpus.corpus().texts(), corpus.labels(),
                params, TOPIC_WORDS);
        Map<Integer, String> byId = new HashMap<>();
        for (ClusterReport.Cluster cluster : report.clusters()) {
            byId.put(cluster.id(), name(cluster));
        }
        List<String> names = new ArrayList<>(corpus.size());
        for (int id : report.assignments()) {
            names.add(byId.get(id));
        }
        return new Clusters(report, names, warnings(report, params, corpus.size(), corpus.dims()));
    }

    private static List<String> warnings(ClusterReport report, ClusterParams params, int rows, int dims) {
        int noise = report.clusters().stream().filter(cluster -> cluster.id() < 0).mapToInt(ClusterReport.Cluster::size).sum();
        if (noise <= MOSTLY_NOISE * rows) {
            return List.of();
        }
        // In hundreds of dimensions few texts are dense enough for HDBSCAN's core distances; k-means
        // always assigns every row, and a smaller minimum admits smaller groups.
        return List.of(String.format("%,d of %,d rows (%s) are noise: HDBSCAN found few groups dense enough at "
                + "--min-cluster-size %d in %d dimensions. Try a smaller --min-cluster-size (5 or 3), or --method kmeans, "
                + "which puts every row in a cluster", noise, rows, Percent.of((double) noise / rows), params.minClusterSize(), dims));
    }

    public int[] assignments() {
        return report.assignments();
    }

    /**
     * These clusters' clusters, each level named by its topic words, for a map's names at every
     * zoom. Made on demand: it reads every text once more per level, which {@code cluster} does not need.
     */
    public TopicTree tree(EmbeddedCorpus corpus) {
        Map<Integer, List<String>> words = new HashMap<>();
        report.clusters().forEach(cluster -> words.put(cluster.id(), cluster.words()));
        return TopicTree.of(corpus.vectors(), report.assignments(), words, corpus.corpus().texts(), TOPIC_WORDS);
    }

    private static String name(ClusterReport.Cluster cluster) {
        if (cluster.id() < 0) {
            return "noise";
        }
        return cluster.words().isEmpty() ? String.valueOf(cluster.id()) : cluster.id() + " · " + String.join(", ", cluster.words());
    }
}
