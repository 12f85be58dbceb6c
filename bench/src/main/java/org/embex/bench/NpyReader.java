package org.embex.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.embex.layout.Layout;

/** Reads the two-column float32 .npy layouts the peers write back. */
final class NpyReader {

    private static final Pattern SHAPE = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)");

    private NpyReader() {
    }

    static Layout layout(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Short.toUnsignedInt(bytes.getShort(8));
        String header = new String(bytes.array(), 10, headerLength, StandardCharsets.US_ASCII);
        Matcher shape = SHAPE.matcher(header);
        if (!header.contains("'<f4'") || !shape.find() || !shape.group(2).equals("2")) {
            throw new IOException(file + ": expected an n x 2 float32 matrix, found " + header.strip());
        }
        int rows = Integer.parseInt(shape.group(1));
        float[] x = new float[rows];
        float[] y = new float[rows];
        int data = 10 + headerLength;
        for (int i = 0; i < rows; i++) {
            x[i] = bytes.getFloat(data + 8 * i);
            y[i] = bytes.getFloat(data + 8 * i + 4);
        }
        return new Layout(x, y);
    }
}
