package org.embex.usecase;

import java.nio.file.Path;

import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.embex.vectorfile.ParquetExport;
import org.embex.vectors.NpyWriter;

/**
 * An embedded corpus's vectors written for other tools, one row per text in file order: NumPy's
 * {@code .npy} (float32, the vectors alone), or Parquet (id, text, label, metadata and the vectors,
 * with the model's id and fingerprint), chosen by the file's extension.
 */
public final class VectorExport {

    private VectorExport() {
    }

    public static void write(EmbeddedCorpus corpus, Path target) {
        if (isParquet(target)) {
            ParquetExport.write(target, new ParquetExport.Content(corpus.corpus().rows(), corpus.vectors(), Map.of(), Map.of(),
                    IntStream.range(0, corpus.size()).boxed().toList(), corpus.model(), corpus.fingerprint()));
        } else {
            NpyWriter.write(target, corpus.vectors());
        }
    }

    /** Whether {@code target} names a Parquet file, which the exports write with the vectors. */
    public static boolean isParquet(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".pq");
    }
}
