package org.embex.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesHeaderAndLittleEndianFloats() throws IOException {
        Path file = dir.resolve("v.npy");
        NpyWriter.write(file, List.of(new float[] {1.5f, -2f, 0f}, new float[] {0.25f, 3f, 7f}), 3);

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.get(0) & 0xFF).isEqualTo(0x93);
        assertThat(new String(bytes.array(), 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        int headerLength = bytes.getShort(8);
        int dataStart = 10 + headerLength;
        assertThat(dataStart % 64).isZero();
        String header = new String(bytes.array(), 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f4'", "'shape': (2, 3)").endsWith("\n");
        assertThat(bytes.array().length).isEqualTo(dataStart + 6 * 4);
        assertThat(bytes.getFloat(dataStart)).isEqualTo(1.5f);
        assertThat(bytes.getFloat(dataStart + 4)).isEqualTo(-2f);
        assertThat(bytes.getFloat(dataStart + 5 * 4)).isEqualTo(7f);
    }

    @Test
    void leavesNoPartialFileBehind() throws IOException {
        Path file = dir.resolve("v.npy");
        NpyWriter.write(file, List.of(new float[] {1f}), 1);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
