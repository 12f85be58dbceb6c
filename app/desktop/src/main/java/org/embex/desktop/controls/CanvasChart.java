package org.embex.desktop.controls;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A chart drawn on a canvas the size of its region, redrawn whole when it is resized or what it
 * shows changes, in the theme's ink; every word and number it writes is kept, so a test reads what
 * a reader would.
 */
public abstract class CanvasChart extends Region {

    private final Canvas canvas = new Canvas();
    private final List<String> texts = new ArrayList<>();
    private Color ink = Color.web("#1f2328");

    protected CanvasChart(double minWidth, double minHeight, double prefWidth, double prefHeight) {
        getChildren().add(canvas);
        setMinSize(minWidth, minHeight);
        setPrefSize(prefWidth, prefHeight);
    }

    /** Draws the chart on a cleared canvas of {@code width} × {@code height}, writing its words with {@link #text}. */
    protected abstract void draw(GraphicsContext g, double width, double height);

    public final void setInk(Color colour) {
        ink = colour;
        redraw();
    }

    protected final Color ink() {
        return ink;
    }

    /** The words and numbers drawn, in the order written. */
    public final List<String> texts() {
        return List.copyOf(texts);
    }

    /** Draws again what the chart shows: called when it changes. */
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        texts.clear();
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    /** Writes {@code words} at ({@code x}, {@code y}) and keeps them, without the spaces that pad them on the canvas. */
    protected final void text(GraphicsContext g, String words, double x, double y) {
        g.fillText(words, x, y);
        texts.add(words.strip());
    }

    @Override
    protected final void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }
}
