package org.embex.vectorfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.embex.BadInputException;

/**
 * A TensorBoard projector {@code vectors.tsv}: one vector per line, its numbers separated by tabs,
 * no header; its metadata file (the corpus) is aligned with it line by line.
 */
final class TsvVectors {

    private TsvVectors() {
    }

    /** The rows, row-major; {@code dims[0]} receives the width. */
    static float[] read(Path file, int[] dims) {
        FloatList values = new FloatList();
        int width = 0;
        long line = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split("\t", -1);
                if (width == 0) {
                    width = cells.length;
                } else if (cells.length != width) {
                    throw new BadInputException(file + ": line " + line + ": " + cells.length + " numbers, the lines before it "
                            + width);
                }
                for (int column = 0; column < cells.length; column++) {
                    try {
                        values.add(Float.parseFloat(cells[column].strip()));
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file + ": line " + line + ", column " + (column + 1) + ": \""
                                + cells[column] + "\" is not a number");
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (width == 0) {
            throw new BadInputException(file + ": no vectors (the file is empty)");
        }
        dims[0] = width;
        return values.toArray();
    }
}
