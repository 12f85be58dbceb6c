package org.embex.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Workspace;

/**
 * The job in Spark's local mode, two cores, a task allowed four attempts ({@code local[2,4]}), on
 * the project's English sample (402 questions) with the real all-MiniLM-L6-v2.
 */
class EmbedJobTest {

    private static final String MODEL = "all-minilm-l6-v2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;
    private static Path models;

    @BeforeAll
    static void start() {
        models = root().resolve("models");
        new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false))
                .install(new ModelCatalogue(models).find(MODEL));
        spark = SparkSession.builder().master("local[2,4]").appName("embex-spark-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void writesEveryRowOnceWithTheVectorsEmbedMakes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        EmbedJob.Outcome outcome = EmbedJob.run(spark, settings(sample(), out, 3));

        assertThat(outcome.written()).isEqualTo(402);
        assertThat(outcome.parts()).isEqualTo(3);
        Map<String, float[]> written = EmbedVectors.written(out);
        assertThat(written).hasSize(402);
        assertThat(EmbedVectors.lowestCosine(EmbedVectors.embedded(models, MODEL, sample(), dir.resolve("cache.sqlite")), written))
                .isGreaterThanOrEqualTo(0.99999);

        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(out.resolve("part-00000.parquet").toUri()), new Configuration()))) {
            Map<String, String> footer = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertThat(footer).containsEntry("embex.model", MODEL).containsKey("embex.fingerprint");
        }
        // The folder opens as the explorer opens a Parquet file of vectors: every row, its own vector.
        try (Workspace workspace = Workspace.open(models, dir.resolve("opened.sqlite"))) {
            EmbeddedCorpus opened = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(out), "file:", ProgressListener.NONE,
                    CancellationToken.none());
            assertThat(opened.size()).isEqualTo(402);
            for (int i = 0; i < opened.size(); i++) {
                assertThat(opened.vectors().row(i)).isEqualTo(written.get(opened.row(i).id()));
            }
        }
        JsonNode manifest = JSON.readTree(out.resolve(OutputFolder.MANIFEST).toFile());
        assertThat(manifest.get("complete").asBoolean()).isTrue();
        assertThat(manifest.get("rows").asLong()).isEqualTo(402);
    }

    /**
     * One task fails after writing its part and before committing it, another after committing: each
     * is tried again, and the output holds every row once, without the attempts' files.
     */
    @Test
    void tasksThatFailOnTheirFirstAttemptLeaveNoDuplicateAndNoGap(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        PartHook failOnce = (stage, part, attempt) -> {
            if (attempt == 0 && (stage == PartHook.Stage.WRITTEN && part == 0 || stage == PartHook.Stage.COMMITTED && part == 1)) {
                throw new IllegalStateException("made to fail: part " + part + " " + stage);
            }
        };
        EmbedJob.Outcome outcome = EmbedJob.run(spark, settings(sample(), out, 4), failOnce);

        assertThat(outcome.written()).isEqualTo(402);
        List<Row> rows = spark.read().parquet(out.toString()).select("id").collectAsList();
        assertThat(rows).hasSize(402);
        assertThat(rows.stream().map(row -> row.getString(0)).distinct()).hasSize(402);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".") && !name.equals("_attempts")).sorted())
                    .containsExactly("_embex-job.json", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
                            "part-00003.parquet");
        }
    }

    /** A rerun over what an earlier run of the same job left rewrites its parts; anything else is refused. */
    @Test
    void aRerunRewritesItsOwnPartsAndAForeignFolderIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        EmbedJob.run(spark, settings(sample(), out, 2));
        EmbedJob.run(spark, settings(sample(), out, 2));
        assertThat(spark.read().parquet(out.toString()).count()).isEqualTo(402);

        assertThatThrownBy(() -> EmbedJob.run(spark, settings(sample(), out, 3)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("holds the parts of another job");
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> EmbedJob.run(spark, settings(sample(), foreign, 2)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("mine");
    }

    /** Without an id column a row goes by its number; a blank text is skipped and counted, not a failed job. */
    @Test
    void rowsWithoutIdsAreNumberedAndBlankTextsSkipped(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("tickets.csv"), "title,body,team\n"
                + "Refund,\"I was charged twice, please refund\",billing\n"
                + ",,billing\n"
                + "Router,\"The light blinks \"\"red\"\"\",network\n");
        JobSettings settings = new JobSettings(input.toString(), Optional.empty(), List.of("title", "body"), Optional.of("team"),
                Optional.empty(), models.resolve(MODEL).toString(), dir.resolve("out").toString(), 0);
        EmbedJob.Outcome outcome = EmbedJob.run(spark, settings);

        assertThat(outcome.written()).isEqualTo(2);
        assertThat(outcome.skipped()).isEqualTo(1);
        List<Row> rows = spark.read().parquet(dir.resolve("out").toString()).orderBy("id").select("id", "text", "label")
                .collectAsList();
        assertThat(rows).extracting(Row::toString)
                .containsExactly("[1,Refund I was charged twice, please refund,billing]", "[3,Router The light blinks \"red\",network]");

        JobSettings noModel = new JobSettings(input.toString(), Optional.empty(), List.of("title"), Optional.empty(),
                Optional.empty(), dir.toString(), dir.resolve("out2").toString(), 0);
        assertThatThrownBy(() -> EmbedJob.run(spark, noModel)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a model folder");
    }

    private static JobSettings settings(Path input, Path out, int partitions) {
        return new JobSettings(input.toString(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                models.resolve(MODEL).toString(), out.toString(), partitions);
    }

    private static Path sample() {
        return root().resolve("samples").resolve("telecom-support-en.csv");
    }

    private static Path root() {
        String root = System.getProperty("embex.root");
        return Path.of(root == null ? "../.." : root).toAbsolutePath().normalize();
    }

}
