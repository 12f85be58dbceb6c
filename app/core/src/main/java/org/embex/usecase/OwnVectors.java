package org.embex.usecase;

import java.util.List;

import org.embex.corpus.Corpus;
import org.embex.vectorfile.VectorFiles;
import org.embex.vectorfile.VectorSource;

/**
 * Vectors a user brings in the corpus file itself, offered where models are chosen: the window's
 * model box lists them beside the installed models and opens a file that has them with them, since
 * the person made them at a cost and brought them to be looked at.
 */
public final class OwnVectors {

    private OwnVectors() {
    }

    /** The file's vector columns as model references ({@code file:embedding}), in column order; empty when it has none. */
    public static List<String> offered(CorpusSpec spec, Corpus read) {
        return VectorFiles.offered(read, spec.options().formatOf(spec.file()));
    }

    /** The reference that reads {@code model}'s vectors scaled to unit length ({@code --normalize}). */
    public static String normalised(String model) {
        return VectorSource.parse(model).normalised().reference();
    }

    /** Whether {@code model} names vectors from a file rather than a model. */
    public static boolean fromFile(String model) {
        return VectorSource.names(model);
    }
}
