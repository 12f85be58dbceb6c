package org.embex.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        List<Row> placed = spark.read().parquet(map.toString()).join(spark.read().parquet(parts.toString()).select("id", "label"), "id")
                .select("id", "x", "y", "cluster", "label").collectAsList();
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
    }

    private static Path sample() {
        return root().resolve("samples").resolve("telecom-support-en.csv");
    }

    private static Path root() {
        String root = System.getProperty("embex.root");
        return Path.of(root == null ? "../.." : root).toAbsolutePath().normalize();
    }
}
