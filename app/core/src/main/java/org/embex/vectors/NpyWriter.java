package org.embex.vectors;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.embex.BadInputException;

/**
 * Writes a matrix of float32 rows as a NumPy {@code .npy} file (format version 1.0), which numpy,
 * PyTorch and most tools read directly. The file appears whole or not at all.
 */
public final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    public static void write(Path file, List<float[]> rows, int columns) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + rows.get(i).length + " values, expected " + columns);
            }
        }
        write(file, rows.size(), columns, rows::get);
    }

    /** The matrix's rows, in order. */
    public static void write(Path file, VectorMatrix matrix) {
        write(file, matrix.rows(), matrix.dims(), matrix::row);
    }

    private static void write(Path file, int count, int columns, java.util.function.IntFunction<float[]> rows) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                out.write(header(count, columns));
                ByteBuffer row = ByteBuffer.allocate(columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) {
                    row.clear();
                    row.asFloatBuffer().put(rows.apply(i));
                    out.write(row.array());
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Magic, version, header length, then a dict padded with spaces so the data starts at a multiple of 64. */
    static byte[] header(int rows, int columns) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC);
        header.putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }
}
