package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.cluster.ClusterAnalysis;
import org.embex.cluster.ClusterMethod;
import org.embex.cluster.ClusterParams;
import org.embex.cluster.ClusterReport;
import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;

/** Clusters a corpus and names its clusters. */
@Command(name = "cluster", header = "Cluster a corpus: sizes, topic words, silhouette, and ARI/NMI against labels.")
final class ClusterCommand implements Runnable {

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

    @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "Clusters for k-means (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--min-cluster-size", defaultValue = "10", paramLabel = "N",
            description = "Smallest HDBSCAN cluster (default: ${DEFAULT-VALUE}).")
    private int minClusterSize;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "clusters.csv", description = "Write id, label, cluster, text per row.")
    private Path target;

    @Override
    public void run() {
        ClusterParams params;
        try {
            params = new ClusterParams(ClusterMethod.parse(method), k, minClusterSize, seed);
        } catch (IllegalArgumentException e) {
            throw new org.embex.BadInputException(e.getMessage());
        }
        Corpus corpus = columns.read(file);
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            ClusterReport report = ClusterAnalysis.run(session.source(), corpus.texts(),
                    corpus.rows().stream().map(TextRow::label).toList(), params, bar);
            bar.finish();
            if (target != null) {
                List<List<?>> rows = new java.util.ArrayList<>();
                for (int i = 0; i < corpus.rows().size(); i++) {
                    TextRow row = corpus.rows().get(i);
                    rows.add(List.of(row.id(), row.label(), report.assignments()[i], row.text()));
                }
                CsvOutput.write(target, List.of("id", "label", "cluster", "text"), rows);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("method", params.method().label());
            result.put("seed", params.seed());
            result.put("texts", corpus.rows().size());
            result.put("clusters", report.clusters().stream().filter(c -> c.id() >= 0).count());
            result.put("noise", report.clusters().stream().filter(c -> c.id() < 0).mapToInt(ClusterReport.Cluster::size).sum());
            result.put("silhouette", Double.isNaN(report.silhouette()) ? null : report.silhouette());
            report.ari().ifPresent(value -> result.put("ari", value));
            report.nmi().ifPresent(value -> result.put("nmi", value));
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
