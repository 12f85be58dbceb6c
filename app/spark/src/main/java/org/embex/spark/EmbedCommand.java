package org.embex.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;

/**
 * {@code spark-submit --class org.embex.spark.EmbedCommand embex-spark.jar INPUT -m MODEL -o OUT}:
 * the job from the command line. Without a master from {@code spark-submit} (the script
 * {@code app/spark/run}), Spark runs in this JVM on every core.
 */
@Command(name = "embex-spark-embed", mixinStandardHelpOptions = true,
        description = "Embeds a corpus on Spark with embex's embedder and writes Parquet parts the explorer opens.")
public final class EmbedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", description = "A Parquet, CSV, TSV or JSONL file or folder (any file system Spark reads).")
    private String input;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FOLDER",
            description = "The model's folder (model.json, model.onnx, tokenizer.json), e.g. models/all-minilm-l6-v2.")
    private String model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FOLDER",
            description = "An empty or new folder for the parts (or the folder an earlier run of the same job left).")
    private String output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "parquet, csv, tsv or jsonl (default: by the extension).")
    private String format;

    @Option(names = "--text", paramLabel = "COLUMN", description = "A text column (repeat to join several; default: text, else the first).")
    private List<String> text = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: label, if there is one).")
    private String label;

    @Option(names = "--id", paramLabel = "COLUMN", description = "The id column (default: id, else the row's number).")
    private String id;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "How many parts to write (default 0: as many as Spark reads the input in).")
    private int partitions;

    @Override
    public Integer call() {
        SparkSession.Builder builder = SparkSession.builder().appName("embex embed");
        if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            long started = System.nanoTime();
            EmbedJob.Outcome outcome = EmbedJob.run(spark, new JobSettings(input, Optional.ofNullable(format), text,
                    Optional.ofNullable(label), Optional.ofNullable(id), model, output, partitions));
            System.out.printf("embex-spark: %d rows embedded into %d parts in %s in %.2f s%s%n", outcome.written(), outcome.parts(),
                    outcome.output(), (System.nanoTime() - started) / 1e9,
                    outcome.skipped() > 0 ? " (" + outcome.skipped() + " rows skipped: blank text)" : "");
            return 0;
        } catch (BadInputException e) {
            System.err.println("embex-spark: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbedCommand()).execute(args));
    }
}
