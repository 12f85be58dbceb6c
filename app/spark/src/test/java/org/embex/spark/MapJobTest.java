package org.embex.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;
import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.PlacedMap;

/** The map job in local mode over the embed job's parts of the English sample (402 questions, 9 labels). */
class MapJobTest {

    private static final String MODEL = "all-minilm-l6-v2";
    private static SparkSession spark;
    private static Path models;

    @BeforeAll
    static void start() {
        models = root().resolve("models");
        new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false))
                .install(new ModelCatalogue(models).find(MODEL));
        spark = SparkSession.builder().master("local[2]").appName("embex-spark-map-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyRowIsPlacedOnceNearRowsOfItsOwnLabel(@TempDir Path dir) {
        Path parts = dir.resolve("parts");
        EmbedJob.run(spark, new JobSettings(sample().toString(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                models.resolve(MODEL).toString(), parts.toString(), 3));
        Path map = dir.resolve("map");

        MapJob.Outcome outcome = MapJob.run(spark, new MapJob.Settings(parts.toString(), map.toString(), 150, 9, 42));

        assertThat(outcome.rows()).isEqualTo(402);
        assertThat(outcome.sample()).isBetween(100, 150);
        // The map is the parts' rows with their places: one table for the explorer.
        List<String> partColumns = List.of(spark.read().parquet(parts.toString()).columns());
        assertThat(spark.read().parquet(map.toString()).columns()).containsExactlyElementsOf(
                Stream.concat(partColumns.stream(), Stream.of("x", "y", "cluster")).toList());
        List<Row> placed = spark.read().parquet(map.toString()).select("id", "x", "y", "cluster", "label").collectAsList();
        assertThat(placed).hasSize(402);
        assertThat(placed.stream().map(row -> row.getString(0)).distinct()).hasSize(402);
        Map<Integer, Integer> perCluster = new HashMap<>();
        for (Row row : placed) {
            assertThat(Float.isFinite(row.getFloat(1)) && Float.isFinite(row.getFloat(2))).as("row %s's place", row.getString(0)).isTrue();
            assertThat(row.getInt(3)).isBetween(0, 8);
            perCluster.merge(row.getInt(3), 1, Integer::sum);
        }
        assertThat(perCluster).hasSizeGreaterThan(1);

        // On the map, a row's nearest other row mostly shares its label (the sample's 9 intents, out_of_scope mixed in).
        int same = 0;
        for (Row row : placed) {
            Row nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (Row other : placed) {
                double dx = row.getFloat(1) - other.getFloat(1);
                double dy = row.getFloat(2) - other.getFloat(2);
                if (other != row && dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    nearest = other;
                }
            }
            same += nearest.getString(4).equals(row.getString(4)) ? 1 : 0;
        }
        assertThat(same).isGreaterThan(402 * 6 / 10);

        assertThatThrownBy(() -> MapJob.run(spark, new MapJob.Settings(parts.toString(), map.toString(), 150, 9, 42)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> MapJob.run(spark, new MapJob.Settings(map.toString(), dir.resolve("again").toString(), 150, 9, 42)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is a map already");

        // The explorer opens the map from its places, its vectors left in the file, and a row's neighbours are its parts' vectors'.
        assertThat(PlacedMap.isMap(map)).isTrue();
        try (PlacedMap opened = PlacedMap.open(CorpusSpec.defaults(map))) {
            assertThat(opened.corpus().rows()).hasSize(402);
            Map<String, Float> xs = new HashMap<>();
            placed.forEach(row -> xs.put(row.getString(0), row.getFloat(1)));
            for (int i = 0; i < 402; i++) {
                assertThat(opened.layout().x()[i]).isEqualTo(xs.get(opened.corpus().rows().get(i).id()));
            }
            assertThat(opened.neighbours(0, 5)).hasSize(5).allSatisfy(neighbour -> assertThat(neighbour.score()).isBetween(0.0, 1.0001));
        }
    }

    private static Path sample() {
        return root().resolve("samples").resolve("telecom-support-en.csv");
    }

    private static Path root() {
        String root = System.getProperty("embex.root");
        return Path.of(root == null ? "../.." : root).toAbsolutePath().normalize();
    }
}
