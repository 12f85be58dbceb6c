package org.embex.vectorfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.embex.BadInputException;
import org.embex.corpus.Corpus;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.TableFormat;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.CorpusReader;
import org.embex.parquet.ParquetTable;
import org.embex.vectors.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format a user's vectors come in, and each bad input said with where and what (real files, DuckDB for Parquet). */
class VectorFilesTest {

    @TempDir
    Path dir;

    private static final float[][] ROWS = {{0.6f, 0.8f, 0f}, {0f, 1f, 0f}, {3f, 0f, 4f}};

    private ImportedVectors read(Path corpusFile, String reference) {
        ReadOptions options = ReadOptions.defaults();
        Corpus corpus = CorpusReader.readAll(corpusFile, options, ColumnChoice.defaults());
        return VectorFiles.read(corpus, options.formatOf(corpusFile), VectorSource.parse(reference));
    }

    private static void assertRows(ImportedVectors vectors) {
        assertThat(vectors.matrix().rows()).isEqualTo(ROWS.length);
        for (int i = 0; i < ROWS.length; i++) {
            assertThat(vectors.matrix().row(i)).containsExactly(ROWS[i]);
        }
    }

    private Path parquet(String name, String select) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO " + ParquetTable.literal(file.toString()) + " (FORMAT parquet)");
        }
        return file;
    }

    private Path text(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String json(float[] row) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < row.length; i++) {
            text.append(i == 0 ? "" : ", ").append(row[i]);
        }
        return text.append(']').toString();
    }

    private static final String THREE = "SELECT * FROM (VALUES ('a', 'first text', 'x', [0.6, 0.8, 0.0]::FLOAT[3]),"
            + " ('b', 'second text', 'y', [0.0, 1.0, 0.0]::FLOAT[3]), ('c', 'third text', 'x', [3.0, 0.0, 4.0]::FLOAT[3]))"
            + " t(id, text, label, embedding)";

    @Test
    void parquetWithAFixedSizeListColumnBesideTextLabelAndId() throws SQLException {
        Path file = parquet("fixed.parquet", THREE);

        ImportedVectors vectors = read(file, "file:");

        assertRows(vectors);
        assertThat(vectors.name()).isEqualTo("file:embedding");
        assertThat(vectors.corpus().rows()).extracting(r -> r.id() + "|" + r.text() + "|" + r.label())
                .containsExactly("a|first text|x", "b|second text|y", "c|third text|x");
        assertThat(vectors.corpus().columns()).doesNotContain("embedding");
        // Row 3 has length 5: reported, not hidden.
        assertThat(vectors.norms().unitShare()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vectors.norms().max()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void parquetWithAListOfDoublesNamedByColumnAndNoTextColumn() throws SQLException {
        Path file = parquet("doubles.parquet", "SELECT * FROM (VALUES (7, [0.6, 0.8, 0.0]::DOUBLE[], 'p'),"
                + " (8, [0.0, 1.0, 0.0]::DOUBLE[], 'q'), (9, [3.0, 0.0, 4.0]::DOUBLE[], 'p')) t(id, vec, genre)");

        ImportedVectors vectors = read(file, "file:vec");

        assertRows(vectors);
        // No text column: the points are known by id, and the other columns stay as metadata.
        assertThat(vectors.corpus().rows()).extracting(r -> r.id() + "|" + r.text() + "|" + r.metadata().get("genre"))
                .containsExactly("7|7|p", "8|8|q", "9|9|p");
    }

    @Test
    void aListOfWordsIsMetadataNotVectorsAndIsNeverOffered() throws Exception {
        Path file = parquet("tags.parquet", "SELECT * FROM (VALUES ('first', ['red', 'big'], [0.6, 0.8, 0.0]::FLOAT[3]),"
                + " ('second', ['blue'], [0.0, 1.0, 0.0]::FLOAT[3]), ('third', [], [3.0, 0.0, 4.0]::FLOAT[3])) t(text, tags, embedding)");
        Path csv = text("tags.csv", "text,tags,vector", "first,\"[\"\"red\"\", \"\"big\"\"]\",\"" + json(ROWS[0]) + "\"",
                "second,[],\"" + json(ROWS[1]) + "\"", "third,[],\"" + json(ROWS[2]) + "\"");

        ImportedVectors vectors = read(file, "file:");
        Corpus csvCorpus = CorpusReader.readAll(csv, ReadOptions.defaults(), ColumnChoice.defaults());

        assertRows(vectors);
        assertThat(vectors.corpus().rows().get(0).metadata()).containsEntry("tags", "[red, big]");
        assertThat(VectorFiles.offered(CorpusReader.readAll(file, ReadOptions.defaults(), ColumnChoice.defaults()),
                TableFormat.PARQUET)).containsExactly("file:embedding");
        assertThat(VectorFiles.offered(csvCorpus, TableFormat.CSV)).containsExactly("file:vector");
    }

    /** A folder as Spark writes it: parts in name order, the job's manifest, a checksum and an attempts folder beside them. */
    @Test
    void aFolderOfPartsIsReadAsOneFileInPartOrder() throws Exception {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        // 500 + 1 + 300 rows: enough for the vectors to be read in two slices (on two cores or more), cut after the first part.
        int[] sizes = {500, 1, 300};
        int first = 0;
        for (int part = 0; part < sizes.length; part++) {
            parquet("parts/part-0000" + part + ".parquet", "SELECT 'r' || (range + " + first + ") AS id, 'text ' || (range + " + first
                    + ") AS text, [(range + " + first + ")::FLOAT, 1.0]::FLOAT[2] AS embedding FROM range(" + sizes[part] + ")");
            first += sizes[part];
        }
        Files.writeString(parts.resolve("_embex-job.json"), "{}");
        Files.writeString(parts.resolve(".part-00000.parquet.crc"), "crc");
        Files.createDirectories(parts.resolve("_attempts"));

        assertThat(TableFormat.of(parts)).isEqualTo(TableFormat.PARQUET);
        ImportedVectors vectors = read(parts, "file:");

        assertThat(vectors.matrix().rows()).isEqualTo(801);
        for (int i = 0; i < 801; i++) {
            assertThat(vectors.matrix().row(i)).as("row %d", i).containsExactly(i, 1f);
            assertThat(vectors.corpus().rows().get(i).id()).isEqualTo("r" + i);
        }
        assertThat(vectors.corpus().rows().get(800).text()).isEqualTo("text 800");

        Files.writeString(parts.resolve("notes.txt"), "a text");
        assertThat(TableFormat.of(parts)).as("a folder with a text in it is a folder of texts").isEqualTo(TableFormat.FOLDER);
    }

    @Test
    void aBadRowInAFolderOfPartsIsNamedWithItsPartAndItsRowThere() throws Exception {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        parquet("parts/part-00000.parquet", "SELECT * FROM (VALUES ('a', [1.0, 0.0]::FLOAT[]), ('b', [0.0, 1.0]::FLOAT[])) t(text, embedding)");
        parquet("parts/part-00001.parquet", "SELECT * FROM (VALUES ('c', [1.0, 0.0]::FLOAT[]), ('d', NULL::FLOAT[])) t(text, embedding)");
        Path other = Files.createDirectories(dir.resolve("mixed"));
        parquet("mixed/part-00000.parquet", "SELECT * FROM (VALUES ('a', [1.0, 0.0]::FLOAT[])) t(text, embedding)");
        parquet("mixed/part-00001.parquet", "SELECT * FROM (VALUES (1, 2, 3)) t(x, y, z)");

        assertThatThrownBy(() -> read(parts, "file:")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("parts: column 'embedding', row 4 (part-00001.parquet, row 2): no vector (null)");
        assertThatThrownBy(() -> read(other, "file:")).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("mixed/part-00001.parquet: its columns (x INTEGER, y INTEGER, z INTEGER) are not those of part-00000.parquet"
                        + " (text VARCHAR, embedding FLOAT[]); the parts of a folder are one table");
    }

    @Test
    void npyOnItsOwnAndBesideAMetadataFile() throws IOException {
        Path npy = dir.resolve("vectors.npy");
        NpyWriter.write(npy, List.of(ROWS), 3);
        Path metadata = text("metadata.csv", "text,label", "first,x", "second,y", "third,x");

        ImportedVectors alone = read(npy, "file:");
        ImportedVectors beside = read(metadata, "file:vectors.npy");

        assertRows(alone);
        assertThat(alone.corpus().rows()).extracting(r -> r.text()).containsExactly("0", "1", "2");
        assertRows(beside);
        assertThat(beside.corpus().rows()).extracting(r -> r.text()).containsExactly("first", "second", "third");
        assertThat(alone.fingerprint()).isEqualTo(beside.fingerprint());
    }

    @Test
    void float64NpyInEitherByteOrderIsReadAsFloat32() throws IOException {
        for (String order : List.of("<", ">")) {
            Path npy = dir.resolve("f8" + (order.equals("<") ? "le" : "be") + ".npy");
            writeNpy(npy, order + "f8", "(3, 3)", false, order.equals("<") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);

            assertRows(read(npy, "file:"));
        }
    }

    @Test
    void tensorBoardVectorsTsvWithItsMetadataTsv() throws IOException {
        text("vectors.tsv", "0.6\t0.8\t0", "0\t1\t0", "3\t0\t4");
        Path metadata = text("metadata.tsv", "text\tlabel", "first\tx", "second\ty", "third\tx");

        ImportedVectors vectors = read(metadata, "file:vectors.tsv");

        assertRows(vectors);
        assertThat(vectors.corpus().rows()).extracting(r -> r.label()).containsExactly("x", "y", "x");
    }

    @Test
    void jsonlAndCsvWithAVectorColumn() throws IOException {
        Path jsonl = text("rows.jsonl", "{\"text\": \"first\", \"embedding\": " + json(ROWS[0]) + "}",
                "{\"text\": \"second\", \"embedding\": " + json(ROWS[1]) + "}",
                "{\"text\": \"third\", \"embedding\": " + json(ROWS[2]) + "}");
        Path csv = text("rows.csv", "text,vector", "first,\"" + json(ROWS[0]) + "\"", "second,\"" + json(ROWS[1]) + "\"",
                "third,\"" + json(ROWS[2]) + "\"");

        ImportedVectors fromJsonl = read(jsonl, "file:");
        ImportedVectors fromCsv = read(csv, "file:vector");

        assertRows(fromJsonl);
        assertRows(fromCsv);
        assertThat(fromCsv.corpus().rows().get(0).metadata()).doesNotContainKey("vector");
        assertThat(fromJsonl.fingerprint()).isEqualTo(fromCsv.fingerprint());
    }

    @Test
    void theFingerprintFollowsTheValuesNotTheFile() throws IOException {
        Path one = text("one.jsonl", "{\"text\": \"a\", \"embedding\": [1, 0]}", "{\"text\": \"b\", \"embedding\": [0, 1]}");
        Path renamed = text("two.jsonl", "{\"text\": \"a\", \"embedding\": [1, 0]}", "{\"text\": \"b\", \"embedding\": [0, 1]}");
        Path changed = text("three.jsonl", "{\"text\": \"a\", \"embedding\": [1, 0]}", "{\"text\": \"b\", \"embedding\": [0, 1.0001]}");

        assertThat(read(one, "file:").fingerprint()).isEqualTo(read(renamed, "file:").fingerprint())
                .isNotEqualTo(read(changed, "file:").fingerprint());
    }

    @Test
    void unitAsksForUnitLengthVectors() throws SQLException {
        ImportedVectors scaled = read(parquet("fixed.parquet", THREE), "file:embedding+unit");

        assertThat(scaled.matrix().row(2)).containsExactly(0.6f, 0f, 0.8f);
        assertThat(scaled.name()).isEqualTo("file:embedding+unit");
        assertThat(scaled.fingerprint()).isNotEqualTo(read(parquet("again.parquet", THREE), "file:embedding").fingerprint());
        assertThat(scaled.norms().note(scaled.name(), true)).contains("33.3% of the 3 vectors are not unit length")
                .contains("scaled to unit length");
    }

    // Bad input: each stops with the file, the row and the column, and what was found.

    @Test
    void rowsOfDifferingWidth() throws Exception {
        Path ragged = parquet("ragged.parquet", "SELECT * FROM (VALUES ('a', [1.0, 0.0]::FLOAT[]), ('b', [0.0, 1.0]::FLOAT[]),"
                + " ('c', [1.0, 1.0, 1.0]::FLOAT[])) t(text, embedding)");
        Path jsonl = text("ragged.jsonl", "{\"text\": \"a\", \"embedding\": [1, 0]}", "{\"text\": \"b\", \"embedding\": [1, 0, 0]}");
        Path tsv = text("vectors.tsv", "1\t0", "1\t0\t0");
        Path metadata = text("metadata.tsv", "text", "a", "b");

        assertThatThrownBy(() -> read(ragged, "file:")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("ragged.parquet: column 'embedding', row 3").hasMessageContaining("width");
        assertThatThrownBy(() -> read(jsonl, "file:")).hasMessageContaining("ragged.jsonl: line 2, column 'embedding'")
                .hasMessageContaining("more than 2 values");
        assertThatThrownBy(() -> read(metadata, "file:vectors.tsv")).hasMessageContaining("vectors.tsv: line 2")
                .hasMessageContaining("3 numbers, the lines before it 2");
    }

    @Test
    void raggedRowsThatMakeUpTheCountAndRowsWithoutAVectorAreNamedToo() throws Exception {
        // 2 + 1 + 3 values: as many as three rows of 2, so only the widths tell.
        Path balanced = parquet("balanced.parquet", "SELECT * FROM (VALUES ('a', [1.0, 0.0]::FLOAT[]), ('b', [1.0]::FLOAT[]),"
                + " ('c', [1.0, 1.0, 1.0]::FLOAT[])) t(text, embedding)");
        Path missing = parquet("missing.parquet", "SELECT * FROM (VALUES ('a', [1.0, 0.0]::FLOAT[]), ('b', [0.0, 1.0]::FLOAT[]),"
                + " ('c', NULL::FLOAT[])) t(text, embedding)");

        assertThatThrownBy(() -> read(balanced, "file:")).hasMessageContaining("balanced.parquet: column 'embedding', row 2")
                .hasMessageContaining("widths in this column run from 1 to 3");
        assertThatThrownBy(() -> read(missing, "file:")).hasMessageContaining("missing.parquet: column 'embedding', row 3")
                .hasMessageContaining("no vector (null)");
    }

    @Test
    void notANumberInfinityAndAllZeros() throws Exception {
        Path nan = parquet("nan.parquet", "SELECT * FROM (VALUES ('a', [1.0, 0.0]::FLOAT[2]), ('b', ['nan'::FLOAT, 1.0]::FLOAT[2]))"
                + " t(text, embedding)");
        Path infinite = text("inf.tsv", "1\t0", "0\tInfinity");
        Path metadata = text("meta.tsv", "text", "a", "b");
        Path zero = text("zero.jsonl", "{\"text\": \"a\", \"embedding\": [1, 0]}", "{\"text\": \"b\", \"embedding\": [0, 0]}");

        assertThatThrownBy(() -> read(nan, "file:")).hasMessageContaining("nan.parquet: row 2, column 'embedding'")
                .hasMessageContaining("value 1 of 2 is NaN");
        assertThatThrownBy(() -> read(metadata, "file:inf.tsv")).hasMessageContaining("inf.tsv: row 2")
                .hasMessageContaining("value 2 of 2 is Infinity");
        assertThatThrownBy(() -> read(zero, "file:")).hasMessageContaining("zero.jsonl: line 2, column 'embedding'")
                .hasMessageContaining("all zeros");
    }

    @Test
    void aMetadataFileWhoseRowCountDiffers() throws IOException {
        Path npy = dir.resolve("vectors.npy");
        NpyWriter.write(npy, List.of(ROWS), 3);
        Path metadata = text("metadata.csv", "text", "first", "second");
        text("vectors.tsv", "1\t0", "0\t1", "1\t1");
        Path oneColumn = text("metadata.tsv", "first", "second", "third");

        assertThatThrownBy(() -> read(metadata, "file:vectors.npy")).hasMessageContaining("metadata.csv has 2 rows but")
                .hasMessageContaining("vectors.npy has 3 vectors");
        // TensorBoard's one-column metadata has no header: read with one, it is a row short, and the message says why.
        assertThatThrownBy(() -> read(oneColumn, "file:vectors.tsv")).hasMessageContaining("--no-header");
    }

    @Test
    void aVectorColumnThatIsText() throws Exception {
        Path words = parquet("words.parquet", "SELECT * FROM (VALUES ('a', 'hello world'), ('b', 'more words')) t(text, embedding)");
        Path csv = text("words.csv", "text,embedding", "a,\"[0.1, 0.2]\"", "b,\"[0.1, oops]\"");

        assertThatThrownBy(() -> read(words, "file:embedding")).hasMessageContaining("words.parquet: line 1, column 'embedding'")
                .hasMessageContaining("\"hello world\" is not a vector");
        assertThatThrownBy(() -> read(csv, "file:embedding")).hasMessageContaining("words.csv: line 3, column 'embedding'")
                .hasMessageContaining("value 2 (\"oops\") is not a number");
    }

    @Test
    void aNamedColumnThatIsNotThereAndNoVectorColumnAtAll() throws Exception {
        Path file = parquet("fixed.parquet", THREE);
        Path plain = text("plain.csv", "text,label", "a,x");

        assertThatThrownBy(() -> read(file, "file:vectors")).hasMessageContaining("no column 'vectors'")
                .hasMessageContaining("embedding FLOAT[]");
        assertThatThrownBy(() -> read(plain, "file:")).hasMessageContaining("plain.csv: no column named embedding")
                .hasMessageContaining("file:COLUMN");
    }

    @Test
    void aParquetNameThatDuckDbWouldTakeAsAPatternIsRefused() throws Exception {
        parquet("fixed.parquet", THREE);
        Path pattern = Files.copy(dir.resolve("fixed.parquet"), dir.resolve("f*.parquet"));

        assertThatThrownBy(() -> read(pattern, "file:")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("f*.parquet: embex reads Parquet through DuckDB, which takes *, ? and [");
    }

    @Test
    void npyFilesEmbexCannotRead() throws IOException {
        Path ints = dir.resolve("ints.npy");
        writeNpy(ints, "<i4", "(3, 3)", false, ByteOrder.LITTLE_ENDIAN);
        Path cube = dir.resolve("cube.npy");
        writeNpy(cube, "<f4", "(1, 3, 3)", false, ByteOrder.LITTLE_ENDIAN);
        Path fortran = dir.resolve("fortran.npy");
        writeNpy(fortran, "<f4", "(3, 3)", true, ByteOrder.LITTLE_ENDIAN);
        Path notNpy = Files.writeString(dir.resolve("text.npy"), "hello");

        assertThatThrownBy(() -> read(ints, "file:")).hasMessageContaining("'<i4'").hasMessageContaining("float32");
        assertThatThrownBy(() -> read(cube, "file:")).hasMessageContaining("shape (1, 3, 3)").hasMessageContaining("2-D");
        assertThatThrownBy(() -> read(fortran, "file:")).hasMessageContaining("Fortran");
        assertThatThrownBy(() -> read(notNpy, "file:")).hasMessageContaining("not a NumPy .npy file");
    }

    /** A .npy file as NumPy writes it, of {@link #ROWS} (or zeros for integers), with the header given. */
    private static void writeNpy(Path file, String descr, String shape, boolean fortran, ByteOrder order) throws IOException {
        String dictionary = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }", descr,
                fortran ? "True" : "False", shape);
        int unpadded = 10 + dictionary.length() + 1;
        String padded = dictionary + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        boolean doubles = descr.endsWith("f8");
        ByteBuffer buffer = ByteBuffer.allocate(10 + padded.length() + 9 * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) padded.length()).put(padded.getBytes(StandardCharsets.US_ASCII));
        buffer.order(order);
        for (float[] row : ROWS) {
            for (float v : row) {
                if (doubles) {
                    buffer.putDouble(v);
                } else {
                    buffer.putFloat(v);
                }
            }
        }
        Files.write(file, java.util.Arrays.copyOf(buffer.array(), buffer.position()));
    }
}
