package org.embex.desktop.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Where a tool window opens: beside the map's window, never over it, so that a text picked in the
 * tool (a false accept, a disagreement) is seen ringed on the map. To the right when the screen has
 * room, else to the left, else the screen is split between the two, the map on the left.
 *
 * @param owner the map window's new bounds (unchanged unless the screen is split)
 * @param tool  the tool window's bounds
 */
record Beside(Rectangle2D owner, Rectangle2D tool) {

    /** The tool's share of a split screen. */
    private static final double TOOL_SHARE = 0.5;

    static Beside place(Rectangle2D screen, Rectangle2D owner, double toolWidth, double toolHeight) {
        double height = Math.min(toolHeight, screen.getHeight());
        double top = Math.max(screen.getMinY(), Math.min(owner.getMinY(), screen.getMaxY() - height));
        if (owner.getMaxX() + toolWidth <= screen.getMaxX()) {
            return new Beside(owner, new Rectangle2D(owner.getMaxX(), top, toolWidth, height));
        }
        if (owner.getMinX() - toolWidth >= screen.getMinX()) {
            return new Beside(owner, new Rectangle2D(owner.getMinX() - toolWidth, top, toolWidth, height));
        }
        double mapWidth = Math.round(screen.getWidth() * (1 - TOOL_SHARE));
        return new Beside(new Rectangle2D(screen.getMinX(), screen.getMinY(), mapWidth, screen.getHeight()),
                new Rectangle2D(screen.getMinX() + mapWidth, screen.getMinY(), screen.getWidth() - mapWidth, screen.getHeight()));
    }

    /** Puts {@code tool} beside {@code owner} on the owner's screen, moving the owner only to split the screen. */
    static void show(Window owner, Stage tool, double toolWidth, double toolHeight) {
        if (!tool.isShowing() && owner != null) {
            Rectangle2D ownerBounds = new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            Rectangle2D screen = Screen.getScreensForRectangle(ownerBounds).stream().findFirst().orElse(Screen.getPrimary())
                    .getVisualBounds();
            Beside placed = place(screen, ownerBounds, toolWidth, toolHeight);
            apply(owner, placed.owner());
            apply(tool, placed.tool());
        }
        tool.show();
        tool.toFront();
    }

    private static void apply(Window window, Rectangle2D bounds) {
        window.setX(bounds.getMinX());
        window.setY(bounds.getMinY());
        window.setWidth(bounds.getWidth());
        window.setHeight(bounds.getHeight());
    }
}
