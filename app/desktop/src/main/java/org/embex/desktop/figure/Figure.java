package org.embex.desktop.figure;

/** A figure of a given size in points, drawn with a {@link Pen}. */
public interface Figure {

    int width();

    int height();

    void draw(Pen pen);
}
