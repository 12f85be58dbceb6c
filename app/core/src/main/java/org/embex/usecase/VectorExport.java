package org.embex.usecase;

import java.nio.file.Path;

import org.embex.vectors.NpyWriter;

/** An embedded corpus's vectors written for other tools: NumPy's {@code .npy}, float32, one row per text. */
public final class VectorExport {

    private VectorExport() {
    }

    public static void npy(EmbeddedCorpus corpus, Path target) {
        NpyWriter.write(target, corpus.vectors());
    }
}
