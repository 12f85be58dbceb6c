package org.embex.usecase;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.embex.corpus.TextRow;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingModel;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.vectorfile.ParquetExport;
import org.embex.vectors.VectorMatrix;

/**
 * One part of a corpus too large for one machine, embedded and written as one Parquet file in the
 * layout {@code embed -o FILE.parquet} writes and the explorer opens: id, text, label, the other
 * columns as text, the vectors, and the model's id and fingerprint in the footer. The texts go
 * through the model as {@code embex embed} sends them (sorted by length into batches, the same
 * tokenizer cut, pooling and normalisation), without the cache: a part is embedded once, where it
 * lies. A job on many machines writes one part per slice of its input.
 */
public final class EmbeddedPart {

    private EmbeddedPart() {
    }

    /**
     * Embeds {@code rows} with {@code model} (an installed model's id or folder) and writes them to
     * {@code target}, whole or not at all.
     *
     * @return how many rows were written
     */
    public static int write(Workspace workspace, String model, List<TextRow> rows, Path target) {
        ModelFolder folder = workspace.installed(model);
        EmbeddingModel embedder = workspace.embedder(model);
        List<Embedding> embeddings = embedder.embed(rows.stream().map(TextRow::text).toList(), Role.TEXT);
        VectorMatrix vectors = VectorMatrix.of(embeddings.stream().map(Embedding::vector).toList(), folder.descriptor().dims());
        ParquetExport.write(target, new ParquetExport.Content(rows, vectors, Map.of(), Map.of(),
                IntStream.range(0, rows.size()).boxed().toList(), folder.descriptor().id(), workspace.fingerprint(folder).hex()));
        return rows.size();
    }
}
