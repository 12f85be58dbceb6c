package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.cluster.ClusterMethod;
import org.embex.cluster.ClusterParams;
import org.embex.cluster.ClusterReport;
import org.embex.corpus.TextRow;
import org.embex.usecase.Clusters;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Workspace;

/** Clusters a corpus and names its clusters. */
@Command(name = "cluster", header = "Cluster a corpus: sizes, topic words, silhouette, and ARI/NMI against labels.",
        description = "k-means with k = √(n/2) (2 to 30) unless --k says otherwise: the clusters the explorer colours by.")
final class ClusterCommand implements Runnable, ShowsSkippedRows {

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

    @Option(names = "--method", defaultValue = "kmeans", paramLabel = "METHOD",
            description = "kmeans or hdbscan (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--k", paramLabel = "N", description = "Clusters for k-means (default: √(rows / 2), from 2 to 30).")
    private Integer k;

    @Option(names = "--min-cluster-size", paramLabel = "N", description = "Smallest HDBSCAN cluster (default: " + ClusterParams.DEFAULT_MIN_CLUSTER_SIZE + ").")
    private Integer minClusterSize;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "clusters.csv", description = "Write id, label, cluster, text per row.")
    private Path target;

    @Override
    public void run() {
        ClusterMethod chosen;
        try {
            chosen = ClusterMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        try (Workspace workspace = model.workspace(cache)) {
            EmbeddedCorpus corpus = FileEmbedding.of(workspace, columns.spec(file), model.model, output);
            ClusterParams params = Clusters.params(corpus.size(), chosen, Optional.ofNullable(k),
                    Optional.ofNullable(minClusterSize), seed);
            Clusters clusters = Clusters.of(corpus, params);
            ClusterReport report = clusters.report();
            clusters.warnings().forEach(line -> output.err().println("warning: " + line));
            if (target != null) {
                List<List<?>> rows = new ArrayList<>();
                for (int i = 0; i < corpus.size(); i++) {
                    TextRow row = corpus.row(i);
                    rows.add(List.of(row.id(), row.label() == null ? "" : row.label(), report.assignments()[i], row.text()));
                }
                CsvOutput.write(target, List.of("id", "label", "cluster", "text"), rows);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("method", params.method().label());
            result.put("k", params.method() == ClusterMethod.KMEANS ? params.k() : null);
            result.put("seed", params.seed());
            result.put("texts", corpus.size());
            SkippedRows.put(result, corpus.corpus());
            result.put("clusters", report.clusters().stream().filter(c -> c.id() >= 0).count());
            result.put("noise", report.clusters().stream().filter(c -> c.id() < 0).mapToInt(ClusterReport.Cluster::size).sum());
            result.put("silhouette", Double.isNaN(report.silhouette()) ? null : report.silhouette());
            report.ari().ifPresent(value -> result.put("ari", value));
            report.nmi().ifPresent(value -> result.put("nmi", value));
            result.put("warnings", clusters.warnings());
            result.put("topics", report.clusters().stream().map(c -> Map.of("cluster", c.id(), "size", c.size(),
                    "words", c.words())).toList());
            if (output.json) {
                output.printJson(result);
                return;
            }
            output.out().printf("%s, %s: %d clusters, %d noise, silhouette %.3f%s%n", report.model(), params.method().label(),
                    result.get("clusters"), result.get("noise"), report.silhouette(),
                    report.ari().isPresent() ? String.format(", ARI %.3f, NMI %.3f", report.ari().getAsDouble(),
                            report.nmi().getAsDouble()) : "");
            for (ClusterReport.Cluster cluster : report.clusters()) {
                output.out().printf("  %5s %5d  %s%n", cluster.id() < 0 ? "noise" : String.valueOf(cluster.id()),
                        cluster.size(), String.join(" ", cluster.words()));
            }
        }
    }
}
