package org.embex.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import org.embex.BadInputException;
import org.embex.corpus.ColumnChoice;
import org.embex.model.ModelFolder;

/**
 * Embeds a corpus on Spark: the input read as Spark reads Parquet, CSV, TSV or JSONL, its columns
 * chosen as embex chooses them, every partition embedded on an executor with embex's own embedder
 * and written as one Parquet part the explorer opens ({@link PartTask}, {@link OutputFolder}). The
 * rows are numbered before they are spread over the parts, so that a row's number (its id when
 * the input has none) does not depend on which attempt of which task wrote it.
 */
public final class EmbedJob {

    /** What a run wrote. */
    public record Outcome(long written, long skipped, int parts, String output) {
    }

    private EmbedJob() {
    }

    public static Outcome run(SparkSession spark, JobSettings settings) {
        return run(spark, settings, PartHook.NONE);
    }

    static Outcome run(SparkSession spark, JobSettings settings, PartHook hook) {
        Path model = Path.of(settings.model()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(model.resolve(ModelFolder.DESCRIPTOR)) || !Files.isRegularFile(model.resolve(ModelFolder.MODEL_FILE))
                || !Files.isRegularFile(model.resolve(ModelFolder.TOKENIZER_FILE))) {
            throw new BadInputException(settings.model() + " is not a model folder (it needs " + ModelFolder.DESCRIPTOR
                    + ", " + ModelFolder.MODEL_FILE + " and " + ModelFolder.TOKENIZER_FILE + ")");
        }
        Dataset<Row> frame = read(spark, settings);
        List<String> columns = List.of(frame.columns());
        ColumnChoice.Bound bound = new ColumnChoice(settings.text(), settings.label(), settings.id())
                .bind(Path.of(settings.input()), columns, true);
        List<String> metadata = new ArrayList<>(columns);
        metadata.removeAll(bound.text());
        bound.label().ifPresent(metadata::remove);
        bound.id().ifPresent(metadata::remove);

        JavaPairRDD<Row, Long> numbered = frame.javaRDD().zipWithIndex();
        if (settings.partitions() > 0) {
            numbered = numbered.repartition(settings.partitions());
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String output = qualified(settings.output(), conf);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("input", qualified(settings.input(), conf));
        plan.put("columns", bound.text() + ";label=" + bound.label().orElse("") + ";id=" + bound.id().orElse(""));
        plan.put("model", model.getFileName().toString());
        plan.put("parts", numbered.getNumPartitions());
        OutputFolder folder = OutputFolder.prepare(output, plan, conf);

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ExecutorModels.ship(context, model);
        PartTask task = new PartTask(bound.text(), bound.label().orElse(null), bound.id().orElse(null), metadata,
                model.getFileName().toString(), folder, hook);
        JavaRDD<long[]> counts = numbered.mapPartitionsWithIndex(task, false);
        long written = 0;
        long skipped = 0;
        for (long[] count : counts.collect()) {
            written += count[0];
            skipped += count[1];
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("rows", written);
        outcome.put("skipped_blank_texts", skipped);
        folder.finish(plan, outcome, conf);
        return new Outcome(written, skipped, numbered.getNumPartitions(), output);
    }

    private static Dataset<Row> read(SparkSession spark, JobSettings settings) {
        DataFrameReader reader = spark.read();
        return switch (settings.formatInUse()) {
            case "parquet" -> reader.parquet(settings.input());
            // Quoted fields may span lines and double their quotes, as in the files embex reads itself.
            case "csv" -> reader.option("header", "true").option("multiLine", "true").option("escape", "\"").csv(settings.input());
            case "tsv" -> reader.option("header", "true").option("sep", "\t").option("multiLine", "true").option("escape", "\"")
                    .csv(settings.input());
            default -> reader.json(settings.input());
        };
    }

    private static String qualified(String location, Configuration conf) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
            return path.getFileSystem(conf).makeQualified(path).toString();
        } catch (java.io.IOException e) {
            throw new BadInputException(location + ": " + e.getMessage());
        }
    }
}
