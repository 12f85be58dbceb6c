package org.embex.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.embex.corpus.Corpus;
import org.embex.parquet.ParquetTable;
import org.embex.layout.Layout;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Layouts;
import org.embex.usecase.Workspace;

/**
 * A user's own vectors at scale (issue 15): a Parquet file of a million 384-number vectors beside
 * id, text and label opened to its PCA map through the use cases the window and the commands call
 * ({@code CorpusSpec.read}, {@code CorpusEmbedding.embed} with {@code file:}, {@code Layouts.quick}),
 * with the time of each step and the peak heap; beside it, in the same run, DuckDB alone reading
 * every value of the vector column ({@code sum(list_sum(embedding))}), the ceiling of any reader on
 * top of it. {@code bench/run own-vectors} gives the JVM a 2.5 GB heap, the target's.
 * Usage: {@code bench/run own-vectors [--rows N] [--dims D] [--file F]}; the file is made once by
 * DuckDB (seeded random vectors, not real embeddings: reading does not depend on the values) and kept.
 */
public final class OwnVectorsBenchmark {

    private static final double GIB = 1L << 30;

    private OwnVectorsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int dims = 384;
        Path file = null;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--dims" -> dims = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            file = Path.of(System.getProperty("java.io.tmpdir"), "embex-own-vectors-" + rows + "x" + dims + ".parquet");
        }
        if (!Files.exists(file)) {
            make(file, rows, dims);
        }
        double ceiling = ceiling(file);

        HeapWatch heap = HeapWatch.start();
        Path cache = Files.createTempDirectory("embex-own-vectors-bench").resolve("vectors.sqlite");
        try (Workspace workspace = Workspace.open(Path.of(System.getProperty("embex.root", ".")).resolve("models"), cache)) {
            long started = System.nanoTime();
            CorpusSpec spec = CorpusSpec.defaults(file);
            Corpus corpus = spec.read();
            double readRows = seconds(started);
            Progress.say(String.format("%,d rows read in %.1f s; vectors", corpus.rows().size(), readRows));
            long vectorsStarted = System.nanoTime();
            EmbeddedCorpus opened = CorpusEmbedding.embed(workspace, spec, corpus, "file:", ProgressListener.NONE,
                    CancellationToken.none());
            double readVectors = seconds(vectorsStarted);
            Progress.say(String.format("vectors in %.1f s; PCA", readVectors));
            long pcaStarted = System.nanoTime();
            Layout map = Layouts.defaults(workspace).quick(opened);
            double pca = seconds(pcaStarted);
            double total = seconds(started);
            heap.stop();
            long values = (long) opened.size() * opened.dims();
            System.out.printf("own vectors: %,d rows × %d dims from %s (%.2f GB), heap limit %.2f GiB, %d cores%n",
                    opened.size(), opened.dims(), file.getFileName(), Files.size(file) / 1e9,
                    Runtime.getRuntime().maxMemory() / GIB, Runtime.getRuntime().availableProcessors());
            System.out.printf("open to PCA map: %.1f s (rows %.1f s, vectors %.1f s, PCA %.1f s); %,d points on the map%n",
                    total, readRows, readVectors, pca, map.points());
            System.out.printf("peak heap used %.2f GiB (largest sample every %d ms), sum of heap pool peaks %.2f GiB;"
                    + " the vectors alone %.2f GiB%n", heap.peak() / GIB, HeapWatch.SAMPLE_MILLIS, HeapWatch.poolPeaks() / GIB,
                    values * 4.0 / GIB);
            System.out.printf("reading the vector column: embex %.1f M values/s (%.1f s), DuckDB alone %.1f M values/s"
                    + " (%.1f s): %.2f of the ceiling%n", values / readVectors / 1e6, readVectors, values / ceiling / 1e6,
                    ceiling, ceiling / readVectors);
            System.out.printf("targets: open ≤ 15 s %s, peak heap ≤ 2.5 GB %s%n", total <= 15 ? "met" : "NOT met",
                    heap.peak() <= 2.5e9 ? "met" : "NOT met");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Seconds for DuckDB to read every value of the vector column, and nothing else. */
    private static double ceiling(Path file) throws Exception {
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            try (ResultSet sum = statement.executeQuery("SELECT sum(list_sum(embedding)) FROM read_parquet(" + ParquetTable.literal(file.toString()) + ")")) {
                sum.next();
                Progress.say("DuckDB alone: the column's sum " + sum.getDouble(1));
            }
            return seconds(started);
        }
    }

    private static void make(Path file, int rows, int dims) throws Exception {
        Progress.say("making " + file + " with DuckDB (once)");
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.42)");
            statement.execute("COPY (SELECT i AS id, 'support ticket number ' || i AS text, 'intent-' || (i % 40) AS label,"
                    + " list_transform(range(" + dims + "), lambda x: (random() - 0.5)::FLOAT)::FLOAT[" + dims + "] AS embedding"
                    + " FROM range(" + rows + ") t(i)) TO " + ParquetTable.literal(partial.toString()) + " (FORMAT parquet)");
        }
        Files.move(partial, file);
    }
}
