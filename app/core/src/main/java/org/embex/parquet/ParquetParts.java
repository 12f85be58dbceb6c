package org.embex.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.embex.BadInputException;

/**
 * A folder of Parquet parts read as one table, as Spark, Hadoop and embex's Spark job write them:
 * its {@code .parquet} files in name order ({@code part-00000.parquet}, {@code part-00001…}), leaving
 * out the names those tools keep for themselves (starting with {@code _} or {@code .}: a job's
 * manifest, {@code _SUCCESS}, checksums) and the folders beside them.
 */
public final class ParquetParts {

    private ParquetParts() {
    }

    /** Whether {@code folder} is a folder whose every visible file is a Parquet part, and it has one at least. */
    public static boolean isPartsFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        List<Path> visible = visibleFiles(folder);
        return !visible.isEmpty() && visible.stream().allMatch(ParquetParts::isPart);
    }

    /** The parts of {@code folder}, in name order. */
    public static List<Path> of(Path folder) {
        List<Path> parts = visibleFiles(folder).stream().filter(ParquetParts::isPart).toList();
        if (parts.isEmpty()) {
            throw new BadInputException(folder + ": no Parquet parts (.parquet files) in this folder");
        }
        return parts;
    }

    private static List<Path> visibleFiles(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).filter(path -> {
                String name = path.getFileName().toString();
                return !name.startsWith("_") && !name.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean isPart(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }
}
