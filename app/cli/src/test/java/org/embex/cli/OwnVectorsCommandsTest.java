package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.parquet.ParquetTable;
import org.embex.usecase.PlacedMap;

/** Vectors a user brings, on the command line: -m file:..., --normalize, --query-model, embed -o .parquet, and bad input. */
class OwnVectorsCommandsTest {

    private static final String SAMPLE = Run.englishSample().toString();
    private static final String MINILM = "all-minilm-l6-v2";

    @TempDir
    static Path dir;
    private static Path parquet;

    @BeforeAll
    static void exportTheSample() {
        Run.installDefaultModels();
        parquet = dir.resolve("sample.parquet");
        Run embed = Run.of("embed", SAMPLE, "-m", MINILM, "-o", parquet.toString(), "--quiet", "--json");
        assertThat(embed.exitCode()).as(embed.err()).isZero();
        assertThat(embed.json().get("output").asText()).isEqualTo(parquet.toString());
    }

    @Test
    void aParquetFilesVectorsStandWhereAModelDoes() {
        Run fromFile = Run.of("project", parquet.toString(), "-m", "file:", "--method", "pca", "--quiet", "--json",
                "--cache", dir.resolve("one.sqlite").toString());
        Run fromModel = Run.of("project", SAMPLE, "-m", MINILM, "--method", "pca", "--quiet", "--json",
                "--cache", dir.resolve("two.sqlite").toString(), "-o", dir.resolve("model.csv").toString());
        Run again = Run.of("project", parquet.toString(), "-m", "file:embedding", "--method", "pca", "--quiet", "--json",
                "--cache", dir.resolve("one.sqlite").toString(), "-o", dir.resolve("file.csv").toString());

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.json().get("model").asText()).isEqualTo("file:embedding");
        assertThat(fromFile.json().get("cached").asBoolean()).isFalse();
        assertThat(fromFile.json().get("trustworthiness").asDouble()).isEqualTo(fromModel.json().get("trustworthiness").asDouble());
        // The map is kept under the vectors' fingerprint and found again, without a model.
        assertThat(again.json().get("cached").asBoolean()).isTrue();
        assertThat(read(dir.resolve("file.csv"))).isEqualTo(read(dir.resolve("model.csv")));
        assertThat(fromFile.err()).doesNotContain("warning");
    }

    @Test
    void aQueryAmongAFilesVectorsNeedsTheModelThatMadeThem() {
        Run without = Run.of("search", parquet.toString(), "-m", "file:", "-q", "my bill is too high", "--quiet");
        Run wrong = Run.of("search", parquet.toString(), "-m", "file:", "-q", "my bill is too high", "--quiet",
                "--query-model", "bge-small-zh-v1.5");
        Run right = Run.of("search", parquet.toString(), "-m", "file:", "-q", "my bill is too high", "--quiet", "--json",
                "--query-model", MINILM, "-k", "5");
        Run model = Run.of("search", SAMPLE, "-m", MINILM, "-q", "my bill is too high", "--quiet", "--json", "-k", "5");

        assertThat(without.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(without.err()).contains("file:embedding holds vectors from sample.parquet").contains("--query-model");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wrong.err()).contains("were not made by bge-small-zh-v1.5").contains("512 numbers, the file's have 384");
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.json().get("results").toString()).isEqualTo(model.json().get("results").toString());
    }

    /**
     * A map as the Spark map job writes it (the rows and vectors with x, y, cluster added), in two
     * parts: --like finds a row's neighbours in the file, the same as the window's click over the
     * vectors loaded whole, and as a model's over the texts.
     */
    @Test
    void aRowsNeighboursInAMapAreFoundInItsFileAsInTheVectorsLoadedWhole() throws Exception {
        Path map = Files.createDirectories(dir.resolve("map"));
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            for (int part = 0; part < 2; part++) {
                statement.execute("COPY (SELECT * EXCLUDE (n), n::FLOAT AS x, 0.5::FLOAT AS y, 3 AS cluster FROM (SELECT *,"
                        + " row_number() OVER () AS n FROM read_parquet(" + ParquetTable.literal(parquet.toString()) + ")) WHERE n % 2 = "
                        + part + " ORDER BY n) TO " + ParquetTable.literal(map.resolve("part-0000" + part + ".parquet").toString())
                        + " (FORMAT parquet)");
            }
        }
        Files.writeString(map.resolve(PlacedMap.MARKER), "{}");
        String id = firstId();

        Run inFile = Run.of("search", map.toString(), "-m", "file:", "--like", id, "-k", "5", "--quiet", "--json");
        Run loaded = Run.of("search", parquet.toString(), "-m", "file:", "--like", id, "-k", "5", "--quiet", "--json");
        Run model = Run.of("search", SAMPLE, "-m", MINILM, "--like", id, "-k", "5", "--quiet", "--json");

        assertThat(inFile.exitCode()).as(inFile.err()).isZero();
        assertThat(inFile.json().get("search").asText()).isEqualTo("file");
        assertThat(loaded.json().get("search").asText()).isEqualTo("exact");
        assertThat(inFile.json().get("like").get("text").asText()).isEqualTo(loaded.json().get("like").get("text").asText());
        assertThat(ids(inFile)).hasSize(5).doesNotContain(id).isEqualTo(ids(loaded)).isEqualTo(ids(model));
        for (int rank = 0; rank < 5; rank++) {
            assertThat(inFile.json().get("results").get(rank).get("score").asDouble())
                    .isCloseTo(loaded.json().get("results").get(rank).get("score").asDouble(), org.assertj.core.api.Assertions.within(1e-5));
        }
        Run missing = Run.of("search", map.toString(), "-m", "file:", "--like", "no-such-id", "--quiet");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("no row has the id 'no-such-id'");
        Run both = Run.of("search", map.toString(), "-m", "file:", "--like", id, "-q", "bill", "--quiet");
        assertThat(both.err()).contains("give a query (-q TEXT) or a row (--like ID), one of them");
    }

    private static String firstId() throws Exception {
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement();
             ResultSet first = statement.executeQuery("SELECT id FROM read_parquet(" + ParquetTable.literal(parquet.toString())
                     + ") LIMIT 1 OFFSET 17")) {
            first.next();
            return first.getString(1);
        }
    }

    private static List<String> ids(Run run) {
        List<String> ids = new java.util.ArrayList<>();
        run.json().get("results").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    @Test
    void vectorsThatAreNotUnitLengthAreReportedAndNormalizeScalesThem() throws Exception {
        Path scaled = dir.resolve("scaled.jsonl");
        Files.writeString(scaled, String.join("\n", "{\"text\": \"a\", \"embedding\": [3, 4]}", "{\"text\": \"b\", \"embedding\": [0, 1]}",
                "{\"text\": \"c\", \"embedding\": [1, 1]}", "{\"text\": \"d\", \"embedding\": [0.5, 0]}") + "\n");

        Run asGiven = Run.of("project", scaled.toString(), "-m", "file:", "--method", "pca", "--quiet");
        Run normalized = Run.of("project", scaled.toString(), "-m", "file:", "--normalize", "--method", "pca", "--quiet");
        Run notAFile = Run.of("project", scaled.toString(), "-m", MINILM, "--normalize", "--method", "pca", "--quiet");

        assertThat(asGiven.exitCode()).as(asGiven.err()).isZero();
        assertThat(asGiven.err()).contains("75.0% of the 4 vectors are not unit length (lengths 0.5000 to 5.000)").contains("used as given");
        assertThat(normalized.err()).contains("file:embedding+unit").contains("scaled to unit length as asked");
        assertThat(notAFile.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(notAFile.err()).contains("--normalize is for vectors from a file");
    }

    @Test
    void badVectorsStopWithTheFileTheRowAndTheColumn() throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "text,embedding\na,\"[1, 0]\"\nb,\"[1, 0, 0]\"\n");
        Path metadata = dir.resolve("metadata.tsv");
        Files.writeString(metadata, "text\na\nb\nc\n");
        Files.writeString(dir.resolve("vectors.tsv"), "1\t0\n0\t1\n");

        Run raggedRun = Run.of("cluster", ragged.toString(), "-m", "file:", "--quiet");
        Run countRun = Run.of("project", metadata.toString(), "-m", "file:vectors.tsv", "--quiet");

        assertThat(raggedRun.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(raggedRun.err()).contains("ragged.csv: line 3, column 'embedding': the vector has more than 2 values");
        assertThat(countRun.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(countRun.err()).contains("metadata.tsv has 3 rows but").contains("vectors.tsv has 2 vectors");
    }

    @Test
    void theGateStudyRunsOnAFilesVectorsWithTheModelsFigures() {
        JsonNode fromFile = Run.of("eval", "gate", parquet.toString(), "-m", "file:", "--quiet", "--json").json();
        JsonNode fromModel = Run.of("eval", "gate", SAMPLE, "-m", MINILM, "--quiet", "--json").json();

        assertThat(fromFile.get("auroc").asDouble()).isEqualTo(fromModel.get("auroc").asDouble());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
