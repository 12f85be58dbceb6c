package org.embex.neighbours;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import org.embex.progress.CancellationToken;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Lucene's HNSW (Malkov and Yashunin 2018, as Lucene 9 builds it) over the same rows, in memory:
 * the well-kept peer the index tuning sets embex's graph index beside. One segment, the rows added
 * in order, so a document's number is its row. Lucene keeps its own copy of the vectors; {@link
 * #bytes} counts only its graph, as {@link GraphIndex#bytes} counts only embex's links and trees.
 */
public final class LuceneHnsw implements AutoCloseable {

    private static final String FIELD = "vector";
    /**
     * Lucene warns on its first vector that Java 17 is too old for its SIMD code (it needs 21 and
     * scores in plain Java here): true, and nothing a user can act on. Held so the level outlives
     * garbage collection.
     */
    private static final Logger VECTORIZATION = quiet("org.apache.lucene.internal.vectorization.VectorizationProvider");
    /** Lucene's graph files: the vectors themselves (.vec) are not the index's cost. */
    private static final List<String> GRAPH_FILES = List.of(".vex", ".vem");

    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final long graphBytes;

    private LuceneHnsw(ByteBuffersDirectory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        long bytes = 0;
        for (String file : directory.listAll()) {
            if (GRAPH_FILES.stream().anyMatch(file::endsWith)) {
                bytes += directory.fileLength(file);
            }
        }
        this.graphBytes = bytes;
    }

    /**
     * Builds the graph of every row.
     *
     * @param maxConn   links a node keeps (HNSW's M; Lucene keeps twice as many on the bottom layer)
     * @param beamWidth candidates kept while a node's links are chosen (efConstruction)
     */
    public static LuceneHnsw build(VectorMatrix data, Metric metric, int maxConn, int beamWidth) {
        return build(data, metric, maxConn, beamWidth, CancellationToken.none());
    }

    /** {@link #build(VectorMatrix, Metric, int, int)}, stopping when {@code cancel} is (every 1,000 rows added). */
    public static LuceneHnsw build(VectorMatrix data, Metric metric, int maxConn, int beamWidth, CancellationToken cancel) {
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(maxConn, beamWidth);
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                })
                // One segment in row order, a document's number its row, in plain files whose graph can be measured.
                .setMergePolicy(plainFiles(new LogDocMergePolicy()))
                .setUseCompoundFile(false)
                .setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB * 64);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        boolean built = false;
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < data.rows(); i++) {
                if (i % 1000 == 0) {
                    cancel.check();
                }
                Document document = new Document();
                document.add(new KnnFloatVectorField(FIELD, data.row(i), similarity(metric)));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
            writer.commit();
            LuceneHnsw index = new LuceneHnsw(directory);
            built = true;
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's HNSW could not be built in memory", e);
        } finally {
            if (!built) {
                closeQuietly(directory);
            }
        }
    }

    /** A failed build's directory, closed without hiding the failure: it is memory, nothing outlives it. */
    private static void closeQuietly(ByteBuffersDirectory directory) {
        try {
            directory.close();
        } catch (IOException ignored) {
            // the build's own failure is what is thrown
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static LogDocMergePolicy plainFiles(LogDocMergePolicy policy) {
        policy.setNoCFSRatio(0);
        return policy;
    }

    private static VectorSimilarityFunction similarity(Metric metric) {
        return switch (metric) {
            case COSINE -> VectorSimilarityFunction.COSINE;
            case DOT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
        };
    }

    /** The rows of the {@code k} nearest to {@code query} that a search keeping {@code ef} candidates finds, best first. */
    public int[] search(float[] query, int k, int ef) {
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, query, Math.max(k, ef)), Math.max(k, ef));
            int[] rows = new int[Math.min(k, top.scoreDocs.length)];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = top.scoreDocs[r].doc;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's HNSW search failed", e);
        }
    }

    /** The graph's memory: its links on every layer and their offsets, not the vectors it keeps. */
    public long bytes() {
        return graphBytes;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
