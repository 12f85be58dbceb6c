package org.embex.desktop.figure;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG file's bytes from ARGB pixels (PNG specification, second edition, W3C 2003): 8 bits a
 * channel, RGB when every pixel is opaque and RGBA otherwise, each row filtered by whichever of
 * the five filters gives the smallest sum of absolute values (the heuristic the specification
 * suggests, section 12.8). Written here rather than through {@code javax.imageio} (decision record
 * 0022), and the one PNG writer: the window's pictures and the figures alike.
 */
public final class PngEncoding {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoding() {
    }

    /** {@code argb} holds {@code height} rows of {@code width} pixels, 0xAARRGGBB each. */
    public static void write(int[] argb, int width, int height, OutputStream out) throws IOException {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " image cannot have " + argb.length + " pixels");
        }
        boolean opaque = true;
        for (int pixel : argb) {
            opaque &= pixel >>> 24 == 0xff;
        }
        int channels = opaque ? 3 : 4;
        out.write(SIGNATURE);

        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(width);
        fields.writeInt(height);
        fields.writeByte(8);
        fields.writeByte(opaque ? 2 : 6);
        fields.writeByte(0);
        fields.writeByte(0);
        fields.writeByte(0);
        chunk(out, "IHDR", header.toByteArray());

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(compressed)) {
            int stride = width * channels;
            byte[] previous = new byte[stride];
            byte[] current = new byte[stride];
            byte[] filtered = new byte[stride];
            byte[] best = new byte[stride];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int pixel = argb[y * width + x];
                    int at = x * channels;
                    current[at] = (byte) (pixel >> 16);
                    current[at + 1] = (byte) (pixel >> 8);
                    current[at + 2] = (byte) pixel;
                    if (!opaque) {
                        current[at + 3] = (byte) (pixel >>> 24);
                    }
                }
                int bestType = 0;
                long bestCost = Long.MAX_VALUE;
                for (int type = 0; type < 5; type++) {
                    long cost = filter(type, current, previous, channels, filtered);
                    if (cost < bestCost) {
                        bestCost = cost;
                        bestType = type;
                        System.arraycopy(filtered, 0, best, 0, stride);
                    }
                }
                deflated.write(bestType);
                deflated.write(best);
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
    }

    /** Filters one row with filter {@code type} into {@code into}; returns the sum of its bytes taken as signed. */
    private static long filter(int type, byte[] row, byte[] above, int channels, byte[] into) {
        long cost = 0;
        for (int i = 0; i < row.length; i++) {
            int raw = row[i] & 0xff;
            int left = i >= channels ? row[i - channels] & 0xff : 0;
            int up = above[i] & 0xff;
            int upLeft = i >= channels ? above[i - channels] & 0xff : 0;
            int predicted = switch (type) {
                case 0 -> 0;
                case 1 -> left;
                case 2 -> up;
                case 3 -> (left + up) >>> 1;
                default -> paeth(left, up, upLeft);
            };
            byte value = (byte) (raw - predicted);
            into[i] = value;
            cost += Math.abs(value);
        }
        return cost;
    }

    private static int paeth(int left, int up, int upLeft) {
        int estimate = left + up - upLeft;
        int toLeft = Math.abs(estimate - left);
        int toUp = Math.abs(estimate - up);
        int toUpLeft = Math.abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft) {
            return left;
        }
        return toUp <= toUpLeft ? up : upLeft;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        DataOutputStream fields = new DataOutputStream(out);
        fields.writeInt(data.length);
        fields.write(name);
        fields.write(data);
        fields.writeInt((int) crc.getValue());
        fields.flush();
    }
}
