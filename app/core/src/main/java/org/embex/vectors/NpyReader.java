package org.embex.vectors;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.embex.BadInputException;

/**
 * Reads a 2-D NumPy {@code .npy} file of float32 or float64 (either byte order, C order) into one
 * row-major {@code float[]}, the layout {@link VectorMatrix#wrap} keeps, without a copy per row.
 * Float64 is narrowed to float32, the precision every embex vector has. The format is NumPy's
 * own description (NEP 1, versions 1.0 to 3.0); anything else is refused with what was found.
 */
public final class NpyReader {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /**
     * What the header says.
     *
     * @param offset where the values start
     */
    public record Header(long rows, int columns, int bytesPerValue, ByteOrder order, long offset) {
    }

    /** The header alone: the shape, without reading the values. */
    public static Header header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return header(file, new DataInputStream(in));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Every value, row after row, as float32. */
    public static float[] values(Path file, Header header) {
        long count = header.rows() * header.columns();
        if (count > Integer.MAX_VALUE - 8) {
            throw new BadInputException(file + ": " + header.rows() + " × " + header.columns()
                    + " values are more than one array holds (2^31)");
        }
        float[] values = new float[(int) count];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = header.offset() + count * header.bytesPerValue();
            if (channel.size() < expected) {
                throw new BadInputException(file + ": the header says " + header.rows() + " × " + header.columns()
                        + " values, but the file ends " + (expected - channel.size()) + " bytes short of them");
            }
            channel.position(header.offset());
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(header.order());
            int done = 0;
            while (done < values.length) {
                buffer.clear();
                long left = (long) (values.length - done) * header.bytesPerValue();
                if (left < buffer.capacity()) {
                    buffer.limit((int) left);
                }
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new BadInputException(file + ": the file ended before its values did (it changed while"
                                + " being read?)");
                    }
                }
                buffer.flip();
                if (header.bytesPerValue() == Float.BYTES) {
                    int n = buffer.remaining() / Float.BYTES;
                    buffer.asFloatBuffer().get(values, done, n);
                    done += n;
                } else {
                    int n = buffer.remaining() / Double.BYTES;
                    for (int i = 0; i < n; i++) {
                        values[done++] = (float) buffer.getDouble(i * Double.BYTES);
                    }
                }
            }
            return values;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Header header(Path file, DataInputStream in) throws IOException {
        byte[] magic = new byte[8];
        if (in.readNBytes(magic, 0, 8) != 8 || (magic[0] & 0xff) != 0x93 || magic[1] != 'N' || magic[2] != 'U' || magic[3] != 'M'
                || magic[4] != 'P' || magic[5] != 'Y') {
            throw new BadInputException(file + ": not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        int major = magic[6];
        long length;
        int prefix;
        if (major == 1) {
            length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            prefix = 10;
        } else if (major == 2 || major == 3) {
            length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            prefix = 12;
            if (length > 1 << 20) {
                throw new BadInputException(file + ": the .npy header claims " + length + " bytes; not a file embex reads");
            }
        } else {
            throw new BadInputException(file + ": .npy format version " + major + " is not one embex reads (1 to 3)");
        }
        byte[] text = in.readNBytes((int) length);
        String dictionary = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(dictionary);
        Matcher order = ORDER.matcher(dictionary);
        Matcher shape = SHAPE.matcher(dictionary);
        if (!descr.find() || !order.find() || !shape.find()) {
            throw new BadInputException(file + ": the .npy header is not one embex understands: " + dictionary.trim());
        }
        String kind = descr.group(2);
        int size = Integer.parseInt(descr.group(3));
        if (!kind.equals("f") || size != 4 && size != 8) {
            throw new BadInputException(file + ": holds '" + descr.group(1) + kind + size
                    + "' values; embex reads float32 ('<f4') or float64 ('<f8') vectors");
        }
        if (order.group(1).equals("True")) {
            throw new BadInputException(file + ": is in Fortran (column-major) order; save it from C order"
                    + " (numpy.ascontiguousarray) to read it as rows");
        }
        long[] sizes;
        try {
            sizes = Arrays.stream(shape.group(1).split(",")).map(String::trim).filter(d -> !d.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": the .npy header's shape (" + shape.group(1).trim() + ") is not a list of sizes");
        }
        if (sizes.length != 2) {
            throw new BadInputException(file + ": has shape (" + shape.group(1).trim() + "); embex reads a 2-D array,"
                    + " one vector per row");
        }
        if (sizes[0] < 0 || sizes[1] < 1 || sizes[1] > Integer.MAX_VALUE) {
            throw new BadInputException(file + ": has rows of " + sizes[1] + " values");
        }
        ByteOrder byteOrder = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new Header(sizes[0], (int) sizes[1], size, byteOrder, prefix + length);
    }
}
