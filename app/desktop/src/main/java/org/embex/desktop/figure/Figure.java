package org.embex.desktop.figure;

/** A figure of a given size in points, in a theme, drawn with a {@link Pen}. */
public interface Figure {

    int width();

    int height();

    FigureTheme theme();

    void draw(Pen pen);
}
