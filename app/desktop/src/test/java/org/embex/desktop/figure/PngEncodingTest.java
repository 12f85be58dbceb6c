package org.embex.desktop.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The PNG writer checked against the JDK's PNG reader (tests run on a full JDK; the installers' runtime has no ImageIO). */
class PngEncodingTest {

    private static byte[] encode(int[] argb, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoding.write(argb, width, height, out);
        return out.toByteArray();
    }

    private static int[] decode(byte[] png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /** Flat areas, gradients and noise, so that every one of the five row filters wins somewhere. */
    private static int[] picture(int width, int height, boolean opaque) {
        SplittableRandom random = new SplittableRandom(7);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = opaque ? 0xff : (x * 255 / (width - 1));
                int red = y < height / 3 ? 0xf0 : (x * 7 + y * 3) & 0xff;
                int green = y < height / 3 ? 0xf0 : (x * y) & 0xff;
                int blue = y > 2 * height / 3 ? random.nextInt(256) : 0x40;
                argb[y * width + x] = alpha << 24 | red << 16 | green << 8 | blue;
            }
        }
        return argb;
    }

    @Test
    void anOpaquePictureReadsBackPixelForPixelAsRgb() throws IOException {
        int[] argb = picture(97, 61, true);
        byte[] png = encode(argb, 97, 61);
        // Colour type 2 (RGB) in the header: byte 25 of the file.
        assertThat(png[25]).isEqualTo((byte) 2);
        assertThat(decode(png, 97, 61)).containsExactly(argb);
    }

    @Test
    void aPictureWithTransparencyReadsBackPixelForPixelAsRgba() throws IOException {
        int[] argb = picture(64, 48, false);
        byte[] png = encode(argb, 64, 48);
        assertThat(png[25]).isEqualTo((byte) 6);
        int[] back = decode(png, 64, 48);
        for (int i = 0; i < argb.length; i++) {
            // A fully transparent pixel's colour is not kept by every reader; its alpha is.
            if (argb[i] >>> 24 == 0) {
                assertThat(back[i] >>> 24).isZero();
            } else {
                assertThat(back[i]).as("pixel %d", i).isEqualTo(argb[i]);
            }
        }
    }

    @Test
    void aFlatPictureIsSmall() throws IOException {
        int[] argb = new int[1600 * 1000];
        Arrays.fill(argb, 0xfff6f8fa);
        assertThat(encode(argb, 1600, 1000).length).isLessThan(10_000);
    }

    @Test
    void pixelsThatDoNotFitTheSizeAreRefused() {
        assertThatThrownBy(() -> encode(new int[10], 4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 x 3");
    }
}
