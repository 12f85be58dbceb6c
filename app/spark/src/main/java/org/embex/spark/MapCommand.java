package org.embex.spark;

import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;

/**
 * {@code spark-submit --class org.embex.spark.MapCommand embex-spark-job.jar PARTS -o MAP}: the map of
 * the embed job's parts, a sample mapped on the driver and the rest placed on the executors.
 */
@Command(name = "embex-spark-map", mixinStandardHelpOptions = true,
        description = "Maps the parts the embed job wrote: UMAP of a sample, every other row placed from its nearest sample rows.")
public final class MapCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PARTS", description = "The embed job's output folder (id and embedding columns).")
    private String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FOLDER",
            description = "A new folder for the map: the parts' rows with x, y and cluster added.")
    private String output;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "50000",
            description = "Rows mapped with UMAP on the driver (default ${DEFAULT-VALUE}); the rest are placed from them.")
    private int sample;

    @Option(names = "--clusters", paramLabel = "K", defaultValue = "20", description = "k-means clusters of the sample (default ${DEFAULT-VALUE}).")
    private int clusters;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "The sample's, UMAP's and the placement's seed.")
    private long seed;

    @Override
    public Integer call() {
        SparkSession.Builder builder = SparkSession.builder().appName("embex map");
        if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            long started = System.nanoTime();
            MapJob.Outcome outcome = MapJob.run(spark, new MapJob.Settings(input, output, sample, clusters, seed));
            System.out.printf("embex-spark: %d rows mapped (UMAP of %d, the rest placed) into %s in %.2f s%n", outcome.rows(),
                    outcome.sample(), outcome.output(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (BadInputException e) {
            System.err.println("embex-spark: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MapCommand()).execute(args));
    }
}
