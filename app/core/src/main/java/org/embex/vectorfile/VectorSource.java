package org.embex.vectorfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * Where a corpus's vectors come from when they are not embedded: {@code file:COLUMN} names a vector
 * column of the corpus file itself, {@code file:PATH} a {@code .npy} or TensorBoard {@code .tsv}
 * file of vectors aligned by row with the corpus, and {@code file:} alone the corpus file's only
 * vector column (or the {@code .npy} file opened as the corpus). It stands wherever a model's id
 * does, in every command and in the window. The vectors are used as given (dot and L2 see their
 * lengths) unless the reference ends in {@link #UNIT}, which scales each to unit length first.
 *
 * @param part what follows {@code file:}, perhaps empty, without {@link #UNIT}
 * @param unit whether each vector is scaled to unit length as it is read
 */
public record VectorSource(String part, boolean unit) {

    public static final String PREFIX = "file:";

    /** The suffix that asks for unit-length vectors ({@code --normalize} on the command line). */
    public static final String UNIT = "+unit";

    /** Whether a model reference names vectors from a file rather than a model. */
    public static boolean names(String model) {
        return model != null && model.startsWith(PREFIX);
    }

    public static VectorSource parse(String model) {
        if (!names(model)) {
            throw new IllegalArgumentException(model + " does not start with " + PREFIX);
        }
        String part = model.substring(PREFIX.length()).trim();
        boolean unit = part.endsWith(UNIT);
        return new VectorSource(unit ? part.substring(0, part.length() - UNIT.length()) : part, unit);
    }

    /** This source, scaling each vector to unit length. */
    public VectorSource normalised() {
        return new VectorSource(part, true);
    }

    /** This source with what {@code file:} alone turned out to name: the column or file the vectors came from. */
    public VectorSource named(String found) {
        return part.isEmpty() ? new VectorSource(found, unit) : this;
    }

    /** The reference as a user writes it: what the faces show where a model's id stands. */
    public String reference() {
        return PREFIX + part + (unit ? UNIT : "");
    }

    /**
     * The separate vector file this names, if it names one: a {@code .npy}, {@code .tsv} or
     * {@code .txt} path, beside the corpus file (a relative name means the corpus's folder, as a
     * metadata file and its vectors travel together), else as given.
     */
    public Optional<Path> separateFile(Path corpusFile) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".npy") || lower.endsWith(".tsv") || lower.endsWith(".txt"))) {
            return Optional.empty();
        }
        Path given = Path.of(part);
        Path beside = corpusFile.toAbsolutePath().resolveSibling(part);
        if (Files.isRegularFile(beside)) {
            return Optional.of(beside);
        }
        if (Files.isRegularFile(given)) {
            return Optional.of(given);
        }
        throw new BadInputException(reference() + ": no such vector file (looked for " + beside + " and "
                + given.toAbsolutePath() + ")");
    }
}
