package org.embex.desktop.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

import org.embex.EmbexException;

/** Writes a JavaFX image as a PNG file, whole or not at all. */
public final class PngFile {

    private PngFile() {
    }

    public static void write(Image image, Path target) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, width, height, argb, 0, width);
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        try {
            if (!ImageIO.write(picture, "png", partial.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The write already failed and is reported; the .part file is named after the target.
            }
            throw new EmbexException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
