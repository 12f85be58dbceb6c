package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;
import org.embex.parquet.ParquetTable;
import org.embex.parquet.ParquetVectors;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/** A map table as the Spark map job writes it (parts of id, text, label, embedding, x, y, cluster), opened without its vectors. */
class PlacedMapTest {

    /** Rows per part: the second part's rows count on from the first's. */
    private static final int[] PARTS = {700, 500};

    @TempDir
    Path dir;

    @Test
    void opensFromItsPlacesAndFindsARowsNeighboursInTheFileExactly() throws Exception {
        Path map = map("map", "(i * 0.5)::FLOAT");

        assertThat(PlacedMap.isMap(map)).isTrue();
        Files.delete(map.resolve(PlacedMap.MARKER));
        assertThat(PlacedMap.isMap(map)).as("places and vectors without the map job's mark: a table for the explorer").isFalse();
        Files.writeString(map.resolve(PlacedMap.MARKER), "{}");
        try (PlacedMap placed = PlacedMap.open(CorpusSpec.defaults(map))) {
            assertThat(placed.corpus().rows()).hasSize(1200);
            assertThat(placed.corpus().rows().get(1000).text()).isEqualTo("text 1000");
            assertThat(placed.layout().x()[1000]).isEqualTo(500f);
            assertThat(placed.layout().y()[1000]).isEqualTo(-1000f);
            assertThat(placed.clusters()[1000]).isEqualTo(1000 % 7);

            // The same neighbours, in the same order, as embex's exact search over the vectors read whole.
            VectorMatrix vectors = vectors(map);
            for (int row : new int[] {0, 699, 700, 1199}) {
                List<Neighbour> expected = vectors.topK(vectors.row(row), 11, Metric.COSINE).stream()
                        .filter(neighbour -> neighbour.index() != row).limit(10).toList();
                List<Neighbour> found = placed.neighbours(row, 10);
                assertThat(found).extracting(Neighbour::index).as("row %d", row).containsExactlyElementsOf(
                        expected.stream().map(Neighbour::index).toList());
                for (int i = 0; i < found.size(); i++) {
                    assertThat(found.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-5));
                }
            }
        }
    }

    @Test
    void aTableWithoutPlacesOrVectorsIsNoMap() throws Exception {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            copy(statement, "SELECT 'r' || i AS id, 'text' AS text, [1.0, 2.0]::FLOAT[] AS embedding FROM range(5) t(i)",
                    parts.resolve("part-00000.parquet"));
            copy(statement, "SELECT 'r' || i AS id, 'text' AS text, i::FLOAT AS x, i::FLOAT AS y FROM range(5) t(i)",
                    dir.resolve("flat.parquet"));
        }
        assertThat(PlacedMap.isMap(parts)).as("the embed job's parts: vectors, no places").isFalse();
        Files.writeString(parts.resolve(PlacedMap.MARKER), "{}");
        assertThat(PlacedMap.isMap(parts)).as("marked, but no places").isFalse();
        assertThat(PlacedMap.isMap(dir.resolve("flat.parquet"))).as("places, no vectors").isFalse();
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("part-00000.parquet"), "not parquet");
        Files.writeString(broken.resolve(PlacedMap.MARKER), "{}");
        assertThat(PlacedMap.isMap(broken)).as("marked, with a part the reader will say is broken").isFalse();
        assertThatThrownBy(() -> PlacedMap.open(CorpusSpec.defaults(dir.resolve("flat.parquet"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no vector column");
    }

    @Test
    void aPlaceThatIsNotANumberIsNamedWithItsPartAndRow() throws Exception {
        Path map = map("bad", "CASE WHEN i = 703 THEN 'NaN'::FLOAT ELSE i::FLOAT END");

        assertThatThrownBy(() -> PlacedMap.open(CorpusSpec.defaults(map))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 704 (part-00001.parquet, row 4): x is 'NaN', not a finite number");
    }

    /** A folder of two parts; x is {@code x} over row number i, y is -i, cluster i mod 7, 24-wide vectors that vary smoothly. */
    private Path map(String name, String x) throws SQLException, java.io.IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        int first = 0;
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            for (int part = 0; part < PARTS.length; part++) {
                String rows = "(SELECT range + " + first + " AS i FROM range(" + PARTS[part] + "))";
                copy(statement, "SELECT 'r' || i AS id, 'text ' || i AS text, 'label ' || (i % 3) AS label,"
                        + " list_transform(range(24), lambda j: sin(i * 0.013 * (j + 1) + j)::FLOAT) AS embedding,"
                        + " " + x + " AS x, (-i)::FLOAT AS y, (i % 7)::INTEGER AS cluster FROM " + rows + " ORDER BY i",
                        folder.resolve("part-0000" + part + ".parquet"));
                first += PARTS[part];
            }
        }
        Files.writeString(folder.resolve(PlacedMap.MARKER), "{}");
        return folder;
    }

    private static void copy(Statement statement, String select, Path file) throws SQLException {
        statement.execute("COPY (" + select + ") TO " + ParquetTable.literal(file.toString()) + " (FORMAT parquet)");
    }

    private static VectorMatrix vectors(Path map) {
        try (ParquetTable table = ParquetTable.open(map)) {
            ParquetTable.Column column = table.columns().stream().filter(c -> c.name().equals("embedding")).findFirst().orElseThrow();
            int[] dims = new int[1];
            float[] values = ParquetVectors.read(table, column, dims);
            return VectorMatrix.wrap(values, dims[0]);
        }
    }
}
