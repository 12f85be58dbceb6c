package org.embex.desktop.figure;

import java.nio.file.Path;
import java.util.Locale;

import org.embex.BadInputException;

/** The formats a figure is written in, by the file's extension. */
public enum FigureFormat {
    PNG, SVG, PDF;

    public static FigureFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat format : values()) {
            if (name.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new BadInputException(file + ": a figure is written as .png, .svg or .pdf");
    }
}
