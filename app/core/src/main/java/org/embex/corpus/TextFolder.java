package org.embex.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.embex.BadInputException;

/**
 * The texts of a folder corpus: its {@code .txt} and {@code .md} files at any depth, in path
 * order. The reader reads them in this order and the caches hash them in it, so both see the
 * same corpus.
 */
public final class TextFolder {

    private TextFolder() {
    }

    public static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(TextFolder::isText).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md");
    }
}
