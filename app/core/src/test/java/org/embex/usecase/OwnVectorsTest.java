package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.TextRow;
import org.embex.gate.GateReport;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.model.TestModels;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus embedded by embex, written out in each format users bring vectors in, and read back as a
 * model of its own: the same map, the same neighbours, the same gate study. Real model, real cache.
 */
class OwnVectorsTest {

    private static final String MODEL = "all-minilm-l6-v2";

    private static Workspace workspace;
    private static EmbeddedCorpus original;
    private static Layout originalMap;
    private static double originalAuroc;

    @TempDir
    Path dir;

    @BeforeAll
    static void embedTheSample() throws IOException {
        workspace = Workspace.open(UseCasesTest.models(), Files.createTempDirectory("embex-own-vectors").resolve("vectors.sqlite"));
        original = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("en")), MODEL, ProgressListener.NONE,
                CancellationToken.none());
        originalMap = umap(original);
        originalAuroc = auroc(original);
    }

    private static EmbeddedCorpus reference;

    /** The sample's vectors read back from embex's own Parquet: every format must give its fingerprint. */
    private static EmbeddedCorpus reference() {
        if (reference == null) {
            try {
                Path file = Files.createTempDirectory("embex-own-vectors-reference").resolve("reference.parquet");
                VectorExport.write(original, file);
                reference = open(file, "file:");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return reference;
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    /**
     * UMAP as the faces make it, computed every time: the cache would hand a second import of the same
     * vectors the first one's map (their fingerprints are equal, as they should be).
     */
    private static Layout umap(EmbeddedCorpus corpus) {
        UmapParams params = UmapParams.defaults().withSeed(Seed.DEFAULT);
        return Umap.layout(corpus.vectors(), Umap.neighbourGraph(corpus.vectors(), params, ProgressListener.NONE), params,
                LayoutWatch.of(ProgressListener.NONE));
    }

    private static double auroc(EmbeddedCorpus corpus) {
        GateReport report = GateStudy.splitting(corpus, "out_of_scope").orElseThrow().report();
        return report.auroc();
    }

    private static EmbeddedCorpus open(Path file, String reference) {
        return open(file, reference, ReadOptions.defaults());
    }

    private static EmbeddedCorpus open(Path file, String reference, ReadOptions options) {
        return CorpusEmbedding.embed(workspace, new CorpusSpec(file, options, ColumnChoice.defaults()), reference,
                ProgressListener.NONE, CancellationToken.none());
    }

    /** Same vectors, same map (UMAP, to the bit), same neighbours, same AUROC, same texts and labels. */
    private static void assertSameAsTheOriginal(EmbeddedCorpus imported) {
        assertThat(imported.size()).isEqualTo(original.size());
        assertThat(imported.vectors().values()).containsExactly(original.vectors().values());
        assertThat(imported.fingerprint()).startsWith("data-").isNotEqualTo(original.fingerprint());
        assertThat(imported.fingerprint()).isEqualTo(reference().fingerprint());
        Layout map = umap(imported);
        assertThat(map.x()).containsExactly(originalMap.x());
        assertThat(map.y()).containsExactly(originalMap.y());
        for (int row : List.of(0, 100, 401)) {
            assertThat(imported.neighbours(row, 10, Metric.COSINE).stream().map(Neighbour::index).toList())
                    .isEqualTo(original.neighbours(row, 10, Metric.COSINE).stream().map(Neighbour::index).toList());
        }
        assertThat(auroc(imported)).isEqualTo(originalAuroc);
        assertThat(imported.corpus().rows()).extracting(TextRow::text).isEqualTo(original.corpus().texts());
        assertThat(imported.labels()).isEqualTo(original.labels());
        assertThat(imported.diagnostics().warnings()).isEmpty();
    }

    @Test
    void parquetWrittenByEmbexOpensAgainAsTheSameCorpus() {
        Path file = dir.resolve("sample.parquet");
        VectorExport.write(original, file);

        EmbeddedCorpus imported = open(file, "file:");

        assertSameAsTheOriginal(imported);
        assertThat(imported.model()).isEqualTo("file:embedding");
        assertThat(imported.corpus().rows()).extracting(TextRow::id).isEqualTo(original.corpus().rows().stream().map(TextRow::id).toList());
    }

    @Test
    void npyBesideTheCorpusFile() {
        Path npy = dir.resolve("sample.npy");
        VectorExport.write(original, npy);

        assertSameAsTheOriginal(open(UseCasesTest.sample("en"), "file:" + npy));
    }

    @Test
    void tensorBoardPair() throws IOException {
        List<String> vectors = new ArrayList<>();
        List<String> metadata = new ArrayList<>(List.of("text\tlabel"));
        for (int row = 0; row < original.size(); row++) {
            vectors.add(joined(original.vectors().row(row), "\t"));
            metadata.add(original.row(row).text().replace('\t', ' ') + "\t" + original.row(row).label());
        }
        Files.write(dir.resolve("vectors.tsv"), vectors, StandardCharsets.UTF_8);
        Path meta = Files.write(dir.resolve("metadata.tsv"), metadata, StandardCharsets.UTF_8);

        assertSameAsTheOriginal(open(meta, "file:vectors.tsv"));
    }

    @Test
    void jsonlAndCsvWithAVectorColumn() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> jsonl = new ArrayList<>();
        List<String> csv = new ArrayList<>(List.of("text,label,embedding"));
        for (int row = 0; row < original.size(); row++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("text", original.row(row).text());
            record.put("label", original.row(row).label());
            record.put("embedding", original.vectors().row(row));
            jsonl.add(json.writeValueAsString(record));
            csv.add("\"" + original.row(row).text().replace("\"", "\"\"") + "\"," + original.row(row).label() + ",\"["
                    + joined(original.vectors().row(row), ", ") + "]\"");
        }

        assertSameAsTheOriginal(open(Files.write(dir.resolve("sample.jsonl"), jsonl, StandardCharsets.UTF_8), "file:"));
        assertSameAsTheOriginal(open(Files.write(dir.resolve("sample.csv"), csv, StandardCharsets.UTF_8), "file:embedding"));
    }

    @Test
    void anotherReaderReadsWhatEmbexWritesWithTheRightTypesAndTheModelInTheMetadata() throws IOException {
        Path file = dir.resolve("sample.parquet");
        Layout map = Layouts.defaults(workspace).quick(original);
        int[] clusters = new int[original.size()];
        java.util.Arrays.setAll(clusters, row -> row % 7);
        SelectionExport.write(file, original, map, clusters, List.of(0, 1, 2));

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                // Parquet's own configuration, not Hadoop's: no Hadoop on the class path.
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            Map<String, String> keyValues = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertThat(keyValues).containsEntry("embex.model", MODEL).containsEntry("embex.fingerprint", original.fingerprint());
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            assertThat(schema.getType("embedding").isPrimitive()).isFalse();
            assertThat(schema.getColumns().stream().filter(c -> c.getPath()[0].equals("embedding")).findFirst().orElseThrow()
                    .getPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.FLOAT);
            assertThat(schema.getType("x").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.FLOAT);
            assertThat(schema.getType("cluster").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT32);
            assertThat(schema.getType("text").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.BINARY);

            PageReadStore pages = reader.readNextRowGroup();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
            List<Group> rows = new ArrayList<>();
            for (long i = 0; i < pages.getRowCount(); i++) {
                rows.add(records.read());
            }
            assertThat(rows).hasSize(3);
            Group second = rows.get(1);
            assertThat(second.getString("id", 0)).isEqualTo(original.row(1).id());
            assertThat(second.getString("text", 0)).isEqualTo(original.row(1).text());
            assertThat(second.getFloat("x", 0)).isEqualTo(map.x()[1]);
            assertThat(second.getInteger("cluster", 0)).isEqualTo(1);
            Group list = second.getGroup("embedding", 0);
            int count = list.getFieldRepetitionCount(0);
            float[] vector = new float[count];
            for (int i = 0; i < count; i++) {
                vector[i] = list.getGroup(0, i).getFloat(0, 0);
            }
            assertThat(vector).containsExactly(original.vectors().row(1));
        }
    }

    @Test
    void theQueryModelIsTakenWhenItGivesTheFilesVectorsAndRefusedWithTheFiguresWhenNot() {
        Path file = dir.resolve("sample.parquet");
        VectorExport.write(original, file);
        EmbeddedCorpus imported = open(file, "file:");

        assertThatThrownBy(() -> Search.query(workspace, imported, "my bill is too high", 5, Metric.COSINE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("file:embedding holds vectors from sample.parquet");
        EmbeddedCorpus claimed = QueryModel.claim(workspace, imported, MODEL, ProgressListener.NONE, CancellationToken.none());
        Search.Hits hits = Search.query(workspace, claimed, "my bill is too high", 5, Metric.COSINE);
        Search.Hits originalHits = Search.query(workspace, original, "my bill is too high", 5, Metric.COSINE);
        assertThat(hits.neighbours()).isEqualTo(originalHits.neighbours());

        TestModels.installed("bge-small-en-v1.5");
        assertThatThrownBy(() -> QueryModel.claim(workspace, imported, "bge-small-en-v1.5", ProgressListener.NONE,
                CancellationToken.none())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("were not made by bge-small-en-v1.5").hasMessageMatching(".*mean 0\\.[0-8]\\d+, lowest .*");
        assertThatThrownBy(() -> QueryModel.claim(workspace, imported, "bge-small-zh-v1.5", ProgressListener.NONE,
                CancellationToken.none())).hasMessageContaining("vectors of 512 numbers, the file's have 384");
    }

    private static String joined(float[] values, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : separator).append(values[i]);
        }
        return text.toString();
    }
}
