package org.embex.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
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
import org.embex.usecase.SampledMap;

/**
 * A map of the embed job's parts at any size: a random sample of the vectors collected on the
 * driver and mapped there ({@link SampledMap}: embex's UMAP and k-means), the map shipped to the
 * executors, and every row placed from its nearest sample points where its part is read. A sample
 * row keeps its place on the sample's map. Writes {@code id, x, y, cluster} as Parquet, through
 * Spark's own committer (the map needs no footer of embex's).
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
        Dataset<Row> vectors = parts.select("id", "embedding");
        long rows = vectors.count();
        double fraction = Math.min(1.0, 1.05 * settings.sample() / Math.max(1, rows));
        List<Row> drawn = vectors.sample(false, fraction, settings.seed()).limit(settings.sample()).collectAsList();
        List<float[]> sample = new ArrayList<>(drawn.size());
        Map<String, Integer> sampleRows = new HashMap<>();
        for (Row row : drawn) {
            sampleRows.put(row.getString(0), sample.size());
            sample.add(vector(row));
        }
        SampledMap map = SampledMap.of(sample, settings.clusters(), settings.seed());

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SampledMap> shippedMap = context.broadcast(map);
        Broadcast<Map<String, Integer>> shippedRows = context.broadcast(sampleRows);
        JavaRDD<Row> placed = vectors.javaRDD().mapPartitions(new Placing(shippedMap, shippedRows));
        StructType schema = new StructType().add("id", DataTypes.StringType, false).add("x", DataTypes.FloatType, false)
                .add("y", DataTypes.FloatType, false).add("cluster", DataTypes.IntegerType, false);
        spark.createDataFrame(placed, schema).write().mode(SaveMode.ErrorIfExists).parquet(settings.output());
        return new Outcome(rows, sample.size(), settings.output());
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

    static float[] vector(Row row) {
        List<Object> values = row.getList(1);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) values.get(i)).floatValue();
        }
        return vector;
    }

    /** One part's rows placed, in batches, on an executor. */
    private record Placing(Broadcast<SampledMap> map, Broadcast<Map<String, Integer>> sampleRows)
            implements FlatMapFunction<Iterator<Row>, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            SampledMap.Placer placer = ExecutorMaps.placer(map.value());
            Map<String, Integer> inSample = sampleRows.value();
            SampledMap sampled = map.value();
            List<Row> out = new ArrayList<>();
            List<String> ids = new ArrayList<>(BATCH);
            List<float[]> batch = new ArrayList<>(BATCH);
            while (rows.hasNext()) {
                Row row = rows.next();
                Integer own = inSample.get(row.getString(0));
                if (own != null) {
                    out.add(RowFactory.create(row.getString(0), sampled.x()[own], sampled.y()[own], sampled.clusters()[own]));
                    continue;
                }
                ids.add(row.getString(0));
                batch.add(vector(row));
                if (batch.size() == BATCH) {
                    placeInto(out, placer, ids, batch);
                }
            }
            placeInto(out, placer, ids, batch);
            return out.iterator();
        }

        private static void placeInto(List<Row> out, SampledMap.Placer placer, List<String> ids, List<float[]> batch) {
            if (batch.isEmpty()) {
                return;
            }
            List<SampledMap.Place> places = placer.place(batch);
            for (int i = 0; i < places.size(); i++) {
                SampledMap.Place place = places.get(i);
                out.add(RowFactory.create(ids.get(i), place.x(), place.y(), place.cluster()));
            }
            ids.clear();
            batch.clear();
        }
    }
}
