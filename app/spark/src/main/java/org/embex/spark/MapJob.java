package org.embex.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.embex.BadInputException;
import org.embex.usecase.PlacedMap;
import org.embex.usecase.SampledMap;

/**
 * A map of the embed job's parts at any size: a random sample of the vectors collected on the
 * driver and mapped there ({@link SampledMap}: embex's UMAP and k-means), the map shipped to the
 * executors, and every row placed from its nearest sample points where its part is read. A sample
 * row keeps its place on the sample's map. Writes the parts' rows with {@code x, y, cluster} added,
 * through Spark's own committer: the map is one table the explorer opens without the embed job's
 * output (its places and texts read without the vectors, a clicked row's neighbours from them).
 */
public final class MapJob {

    /** Rows handed to the placement at once: its search works on groups of questions. */
    private static final int BATCH = 2048;

    /** What a run wrote. */
    public record Outcome(long rows, int sample, String output) {
    }

    /** What to map and how. */
    public record Settings(String input, String output, int sample, int clusters, long seed) {
    }

    private MapJob() {
    }

    public static Outcome run(SparkSession spark, Settings settings) {
        refuseExisting(settings.output(), spark.sparkContext().hadoopConfiguration());
        Dataset<Row> parts = spark.read().parquet(settings.input());
        List<String> columns = List.of(parts.columns());
        if (!columns.contains("id") || !columns.contains("embedding")) {
            throw new BadInputException(settings.input() + ": no id and embedding columns (found " + String.join(", ", columns)
                    + "); map the parts the embed job wrote");
        }
        if (isMap(settings.input(), spark.sparkContext().hadoopConfiguration())) {
            throw new BadInputException(settings.input() + " is a map already; map the parts the embed job wrote");
        }
        // A corpus's own x, y or cluster column (metadata, kept as text) gives way to the places, as embex's exports name a clash.
        for (String placed : List.of("x", "y", "cluster")) {
            if (columns.contains(placed)) {
                parts = parts.withColumnRenamed(placed, placed + "_1");
            }
        }
        columns = List.of(parts.columns());
        long rows = parts.count();
        double fraction = Math.min(1.0, 1.05 * settings.sample() / Math.max(1, rows));
        List<Row> drawn = parts.select("id", "embedding").sample(false, fraction, settings.seed()).limit(settings.sample())
                .collectAsList();
        List<float[]> sample = new ArrayList<>(drawn.size());
        Map<String, Integer> sampleRows = new HashMap<>();
        for (Row row : drawn) {
            sampleRows.put(row.getString(0), sample.size());
            sample.add(vector(row, 1));
        }
        SampledMap map = SampledMap.of(sample, settings.clusters(), settings.seed());

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SampledMap> shippedMap = context.broadcast(map);
        Broadcast<Map<String, Integer>> shippedRows = context.broadcast(sampleRows);
        JavaRDD<Row> placed = parts.javaRDD().mapPartitions(new Placing(shippedMap, shippedRows, columns.indexOf("id"),
                columns.indexOf("embedding")));
        StructType schema = parts.schema().add("x", DataTypes.FloatType, false).add("y", DataTypes.FloatType, false)
                .add("cluster", DataTypes.IntegerType, false);
        spark.createDataFrame(placed, schema).write().mode(SaveMode.ErrorIfExists).parquet(settings.output());
        mark(settings, rows, sample.size(), spark.sparkContext().hadoopConfiguration());
        return new Outcome(rows, sample.size(), settings.output());
    }

    private static boolean isMap(String input, Configuration conf) {
        try {
            org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(input, PlacedMap.MARKER);
            return marker.getFileSystem(conf).exists(marker);
        } catch (IOException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
    }

    /** Before any work: Spark's writer would say so only after the sample was mapped and every row placed. */
    private static void refuseExisting(String output, Configuration conf) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
            if (path.getFileSystem(conf).exists(path)) {
                throw new BadInputException(output + " already exists; name a new folder for the map");
            }
        } catch (IOException e) {
            throw new BadInputException(output + ": " + e.getMessage(), e);
        }
    }

    /** Once every part is written: the mark that makes the folder a map the explorer opens from its places, and how it was made. */
    private static void mark(Settings settings, long rows, int sample, Configuration conf) {
        org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(settings.output(), PlacedMap.MARKER);
        Map<String, Object> made = new LinkedHashMap<>();
        made.put("input", settings.input());
        made.put("rows", rows);
        made.put("sample", sample);
        made.put("clusters", settings.clusters());
        made.put("seed", settings.seed());
        try (FSDataOutputStream out = marker.getFileSystem(conf).create(marker, false)) {
            out.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(made));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + marker + ": " + e.getMessage(), e);
        }
    }

    static float[] vector(Row row, int column) {
        List<Object> values = row.getList(column);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) values.get(i)).floatValue();
        }
        return vector;
    }

    /** One part's rows placed on an executor, a batch at a time as Spark's writer asks for them. */
    private record Placing(Broadcast<SampledMap> map, Broadcast<Map<String, Integer>> sampleRows, int idColumn, int vectorColumn)
            implements FlatMapFunction<Iterator<Row>, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Placed(rows, map.value(), ExecutorMaps.placer(map.value()), sampleRows.value(), idColumn, vectorColumn);
        }
    }

    /** The rows with their places, read and placed a batch ahead: a part's rows are never all held at once. */
    private static final class Placed implements Iterator<Row> {

        private final Iterator<Row> rows;
        private final SampledMap sampled;
        private final SampledMap.Placer placer;
        private final Map<String, Integer> inSample;
        private final int idColumn;
        private final int vectorColumn;
        private final List<Row> ready = new ArrayList<>(BATCH);
        private int next;

        Placed(Iterator<Row> rows, SampledMap sampled, SampledMap.Placer placer, Map<String, Integer> inSample, int idColumn,
               int vectorColumn) {
            this.rows = rows;
            this.sampled = sampled;
            this.placer = placer;
            this.inSample = inSample;
            this.idColumn = idColumn;
            this.vectorColumn = vectorColumn;
        }

        @Override
        public boolean hasNext() {
            if (next == ready.size()) {
                fill();
            }
            return next < ready.size();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.get(next++);
        }

        /** The next batch of rows to place (a sample row's place is its own on the map), in the part's order. */
        private void fill() {
            ready.clear();
            next = 0;
            List<Row> batch = new ArrayList<>(BATCH);
            List<float[]> vectors = new ArrayList<>(BATCH);
            while (batch.size() < BATCH && rows.hasNext()) {
                Row row = rows.next();
                batch.add(row);
                if (!inSample.containsKey(row.getString(idColumn))) {
                    vectors.add(vector(row, vectorColumn));
                }
            }
            List<SampledMap.Place> places = vectors.isEmpty() ? List.of() : placer.place(vectors);
            int placedSoFar = 0;
            for (Row row : batch) {
                Integer own = inSample.get(row.getString(idColumn));
                SampledMap.Place place = own != null
                        ? new SampledMap.Place(sampled.x()[own], sampled.y()[own], sampled.clusters()[own])
                        : places.get(placedSoFar++);
                Object[] values = new Object[row.length() + 3];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                values[row.length()] = place.x();
                values[row.length() + 1] = place.y();
                values[row.length() + 2] = place.cluster();
                ready.add(RowFactory.create(values));
            }
        }
    }
}
