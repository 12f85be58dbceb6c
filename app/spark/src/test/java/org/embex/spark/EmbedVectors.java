package org.embex.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.embex.parquet.ParquetTable;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Workspace;

/** The vectors a job wrote, the vectors {@code embex embed} makes of the same file, and how close they are. */
final class EmbedVectors {

    private EmbedVectors() {
    }

    /** Each row's vector in the parts of {@code out}, by id; an id found twice fails the test. */
    static Map<String, float[]> written(Path out) throws SQLException {
        Map<String, float[]> vectors = new HashMap<>();
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, embedding FROM read_parquet("
                     + ParquetTable.literal(out.resolve("part-*.parquet").toString()) + ")")) {
            while (rows.next()) {
                Array array = rows.getArray(2);
                Object[] values = (Object[]) array.getArray();
                float[] vector = new float[values.length];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = ((Number) values[i]).floatValue();
                }
                assertThat(vectors.put(rows.getString(1), vector)).as("id %s once", rows.getString(1)).isNull();
            }
        }
        return vectors;
    }

    /** What {@code embex embed} makes of {@code corpus} with {@code model}, by id. */
    static Map<String, float[]> embedded(Path models, String model, Path corpus, Path cache) {
        Map<String, float[]> expected = new HashMap<>();
        try (Workspace workspace = Workspace.open(models, cache)) {
            EmbeddedCorpus embedded = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(corpus), model,
                    ProgressListener.NONE, CancellationToken.none());
            for (int i = 0; i < embedded.size(); i++) {
                expected.put(embedded.row(i).id(), embedded.vectors().row(i));
            }
        }
        return expected;
    }

    /** The lowest cosine between the two vectors of an id, over every id of {@code expected}. */
    static double lowestCosine(Map<String, float[]> expected, Map<String, float[]> written) {
        assertThat(written.keySet()).isEqualTo(expected.keySet());
        double lowest = 1;
        for (var entry : expected.entrySet()) {
            lowest = Math.min(lowest, cosine(entry.getValue(), written.get(entry.getKey())));
        }
        return lowest;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }
}
