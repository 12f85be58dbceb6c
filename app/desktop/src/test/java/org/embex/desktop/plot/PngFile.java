package org.embex.desktop.plot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

import org.embex.EmbexException;
import org.embex.desktop.figure.PngEncoding;

/** Writes a JavaFX image (a test's snapshot of a scene) as a PNG file, whole or not at all. */
public final class PngFile {

    private PngFile() {
    }

    public static void write(Image image, Path target) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                PngEncoding.write(argb, width, height, out);
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
