package org.embex.desktop.map;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.embex.layout.Layout;

/**
 * The map: points drawn into a pixel buffer shown through a zero-copy image, and a thin canvas
 * on top for what changes with the pointer (hover ring, selection, neighbours, the query, the
 * box or lasso being drawn). Redraws happen at most once per frame, only when something changed.
 */
public final class MapView extends Region {

    /** What a drag with the primary button does. */
    public enum Tool { PAN, BOX, LASSO }

    private static final double CLICK_SLOP = 4;
    private static final double HOVER_PIXELS = 8;
    private static final Font NAME_FONT = Font.font(null, FontWeight.BOLD, LabelPlacement.NAME_SIZE);

    private final ImageView image = new ImageView();
    private final Canvas names = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Label tooltip = new Label();

    private Layout layout = new Layout(new float[0], new float[0]);
    private PointGrid grid = new PointGrid(layout);
    private DrawList drawList = new DrawList(layout, grid);
    private Colouring colouring = Colouring.uniform(0);
    private BitSet hidden = new BitSet();
    private PointRenderer renderer = new PointRenderer(PointStyle.DEFAULT);
    private Viewport view;
    private boolean followLayout = true;
    private int background = 0xFFFFFF;
    private boolean density;
    private Color ink = Color.web("#1f2328");
    private MapLabels labels = MapLabels.NONE;
    private boolean labelsShown = true;
    private List<LabelPlacement.Placed> placed = List.of();
    private final Map<String, Double> nameWidths = new HashMap<>();

    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private boolean rasterDirty;
    private boolean overlayDirty;

    private BitSet selection = new BitSet();
    private int[] neighbours = new int[0];
    private int focus = -1;
    private double[] query;
    private int hover = -1;

    private Tool tool = Tool.PAN;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private final List<double[]> path = new ArrayList<>();

    private IntConsumer onPointClicked = index -> { };
    private IntConsumer onHover = index -> { };
    private int linkedHover = -1;
    private Consumer<BitSet> onSelection = selected -> { };
    private IntFunction<String> describe = index -> "#" + index;

    /**
     * Draws at the start of a pulse's layout, after input and animation timers changed the view in
     * that same pulse; a change asks for a pulse, so an idle map costs no frames at all.
     */
    private final Runnable drawBeforeLayout = this::redrawIfDirty;

    private long frames;
    private int drawn;
    private double lastFrameMillis;

    public MapView() {
        getStyleClass().add("map-view");
        image.setManaged(false);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        names.setManaged(false);
        names.setMouseTransparent(true);
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        tooltip.getStyleClass().add("map-tooltip");
        tooltip.setPadding(new Insets(6, 8, 6, 8));
        getChildren().addAll(image, names, overlay, tooltip);
        setMinSize(100, 100);
        setPrefSize(900, 700);
        setFocusTraversable(true);
        setCursor(Cursor.CROSSHAIR);

        sceneProperty().addListener((observable, was, now) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(drawBeforeLayout);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(drawBeforeLayout);
            }
        });
        setOnScroll(this::scrolled);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(this::moved);
        setOnMouseExited(event -> setHover(-1, 0, 0));
        setOnKeyPressed(event -> {
            switch (event.getCode()) {
                case LEFT -> panBy(60, 0);
                case RIGHT -> panBy(-60, 0);
                case UP -> panBy(0, 60);
                case DOWN -> panBy(0, -60);
                default -> {
                    return;
                }
            }
            event.consume();
        });

    }

    // ---- what is shown ----

    /** Shows a new layout of the same points (a map forming) or of new points. */
    public void setLayout(Layout next) {
        layout = next;
        grid = new PointGrid(next);
        drawList = new DrawList(next, grid);
        if (next.points() != colouring.points()) {
            colouring = Colouring.uniform(next.points());
            hidden = new BitSet();
            selection = new BitSet();
            neighbours = new int[0];
            focus = -1;
            query = null;
        }
        drawList.colour(colouring.colours());
        drawList.hide(hidden);
        if (followLayout && getWidth() > 0) {
            view = Viewport.fit(next, width(), height());
        }
        hover = -1;
        markRaster();
    }

    public Layout mapLayout() {
        return layout;
    }

    public void setColouring(Colouring next) {
        if (next.points() != layout.points()) {
            throw new IllegalArgumentException("a colouring of " + next.points() + " points for a map of " + layout.points());
        }
        colouring = next;
        drawList.colour(next.colours());
        markRaster();
    }

    public Colouring colouring() {
        return colouring;
    }

    /** Hides these points (a legend's hidden categories, rows a filter leaves out): not drawn, not picked, not selected. */
    public void setHidden(BitSet rows) {
        BitSet next = (BitSet) rows.clone();
        hidden = next;
        drawList.hide(next);
        markRaster();
    }

    public BitSet hidden() {
        return (BitSet) hidden.clone();
    }

    public void setPointStyle(PointStyle style) {
        renderer = new PointRenderer(style);
        markRaster();
    }

    /** The names written on the map; which of them show depends on the zoom ({@link LabelPlacement}). */
    public void setLabels(MapLabels next) {
        labels = next;
        nameWidths.clear();
        markRaster();
    }

    /** Whether the map writes its groups' names. */
    public void setLabelsShown(boolean shown) {
        labelsShown = shown;
        markRaster();
    }

    /** The names the last frame wrote, and where. */
    public List<LabelPlacement.Placed> placedLabels() {
        return placed;
    }

    /** Whether the points' density is drawn under them ({@link DensityLayer}). */
    public void setDensity(boolean shown) {
        density = shown;
        markRaster();
    }

    public boolean density() {
        return density;
    }

    public PointStyle pointStyle() {
        return renderer.style();
    }

    /** The map's background and the colour of marks drawn over it. */
    public void setColours(int backgroundRgb, Color overlayInk) {
        background = backgroundRgb;
        ink = overlayInk;
        markRaster();
    }

    public void setTool(Tool next) {
        tool = next;
    }

    /** Marks one point (the one whose neighbours are listed) and its neighbours. */
    public void setNeighbours(int focusPoint, int[] neighbourPoints, double[] queryPoint) {
        focus = focusPoint;
        neighbours = neighbourPoints.clone();
        query = queryPoint == null ? null : queryPoint.clone();
        markOverlay();
    }

    /** The point whose neighbours are marked, or −1. */
    public int focusedPoint() {
        return focus;
    }

    public void setSelection(BitSet selected) {
        selection = (BitSet) selected.clone();
        markOverlay();
    }

    public BitSet selection() {
        return (BitSet) selection.clone();
    }

    public void onPointClicked(IntConsumer listener) {
        onPointClicked = listener;
    }

    /** Called with the point under the pointer, or −1 when it leaves all points. */
    public void onHover(IntConsumer listener) {
        onHover = listener;
    }

    /** Rings a point hovered in another, linked view. */
    public void setLinkedHover(int index) {
        linkedHover = index;
        markOverlay();
    }

    public void onSelection(Consumer<BitSet> listener) {
        onSelection = listener;
    }

    /** The hover text of a point. */
    public void describeWith(IntFunction<String> description) {
        describe = description;
    }

    // ---- moving around ----

    public Viewport viewport() {
        return view;
    }

    public void fitAll() {
        followLayout = true;
        if (getWidth() > 0) {
            view = Viewport.fit(layout, width(), height());
        }
        markRaster();
    }

    public void zoom(double factor) {
        if (view != null) {
            followLayout = false;
            view = view.zoomAbout(view.width() / 2.0, view.height() / 2.0, factor);
            markRaster();
        }
    }

    /** Moves the map by a number of pixels, as a drag would. */
    public void panBy(double dx, double dy) {
        if (view != null) {
            followLayout = false;
            view = view.panBy(dx, dy);
            markRaster();
        }
    }

    /** Centres the view on a point without changing the zoom. */
    public void centreOn(int index) {
        if (view != null && index >= 0 && index < layout.points()) {
            followLayout = false;
            view = new Viewport(layout.x()[index], layout.y()[index], view.scale(), view.width(), view.height());
            markRaster();
        }
    }

    /** The screen position of a point, in this view's coordinates. */
    public double[] screenPosition(int index) {
        return new double[] {view.screenX(layout.x()[index]), view.screenY(layout.y()[index])};
    }

    /** The visible point within a few pixels of a screen position, or −1. */
    public int pointAt(double x, double y) {
        if (view == null) {
            return -1;
        }
        return grid.nearest(view.worldX(x), view.worldY(y), HOVER_PIXELS / view.scale(), hidden);
    }

    /** Frames drawn so far and the time the last one took, for a status line or a benchmark. */
    public long frames() {
        return frames;
    }

    /** How many points the last frame drew: those in view and not hidden. */
    public int drawnPoints() {
        return drawn;
    }

    public double lastFrameMillis() {
        return lastFrameMillis;
    }

    // ---- drawing ----

    private int width() {
        return Math.max(1, (int) Math.round(getWidth()));
    }

    private int height() {
        return Math.max(1, (int) Math.round(getHeight()));
    }

    private void markRaster() {
        rasterDirty = true;
        markOverlay();
    }

    private void markOverlay() {
        overlayDirty = true;
        Platform.requestNextPulse();
    }

    @Override
    protected void layoutChildren() {
        int w = width();
        int h = height();
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            pixels = new int[w * h];
            // The image reads the raster itself: no copy per frame.
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(buffer));
            overlay.setWidth(w);
            overlay.setHeight(h);
            names.setWidth(w);
            names.setHeight(h);
            view = view == null || followLayout ? Viewport.fit(layout, w, h) : view.resized(w, h);
            markRaster();
        }
        image.relocate(0, 0);
        overlay.relocate(0, 0);
        names.relocate(0, 0);
    }

    /** Draws now what changed; called each frame, and before a snapshot (the tests' pictures, the render benchmark). */
    public void redrawIfDirty() {
        if (buffer == null || view == null) {
            return;
        }
        if (rasterDirty) {
            long start = System.nanoTime();
            drawn = renderer.render(pixels, view, background, drawList, density);
            buffer.updateBuffer(b -> null);
            rasterDirty = false;
            frames++;
            drawNames();
            lastFrameMillis = (System.nanoTime() - start) / 1e6;
        }
        if (overlayDirty) {
            drawOverlay();
            overlayDirty = false;
        }
    }

    private void drawNames() {
        GraphicsContext g = names.getGraphicsContext2D();
        g.clearRect(0, 0, names.getWidth(), names.getHeight());
        placed = labelsShown ? LabelPlacement.place(labels, view, this::nameWidth, LabelPlacement.NAME_HEIGHT) : List.of();
        if (placed.isEmpty()) {
            return;
        }
        g.setFont(NAME_FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        // A halo in the background's colour keeps a name legible over points of any colour.
        g.setStroke(Color.rgb(background >> 16 & 0xFF, background >> 8 & 0xFF, background & 0xFF, 0.85));
        g.setLineWidth(3.5);
        g.setFill(ink);
        for (LabelPlacement.Placed name : placed) {
            double y = name.y() + name.height() / 2;
            g.strokeText(name.text(), name.x(), y, name.width());
            g.fillText(name.text(), name.x(), y, name.width());
        }
    }

    private double nameWidth(String name) {
        return nameWidths.computeIfAbsent(name, text -> {
            Text measured = new Text(text);
            measured.setFont(NAME_FONT);
            return Math.ceil(measured.getLayoutBounds().getWidth()) + 2;
        });
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        double r = renderer.style().radius();
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (selection.cardinality() <= 20_000) {
            g.setStroke(ink);
            g.setLineWidth(1.2);
            for (int i = selection.nextSetBit(0); i >= 0; i = selection.nextSetBit(i + 1)) {
                ring(g, i, r + 1.5);
            }
        }
        g.setStroke(Color.web("#e8590c"));
        g.setLineWidth(2);
        for (int n : neighbours) {
            ring(g, n, r + 2.5);
        }
        if (focus >= 0 && focus < layout.points()) {
            g.setStroke(ink);
            g.setLineWidth(2.5);
            ring(g, focus, r + 4);
        }
        if (query != null) {
            star(g, view.screenX(query[0]), view.screenY(query[1]));
        }
        if (hover >= 0) {
            g.setStroke(ink);
            g.setLineWidth(1.5);
            ring(g, hover, r + 3);
        }
        if (linkedHover >= 0 && linkedHover < layout.points()) {
            g.setStroke(Color.web("#1971c2"));
            g.setLineWidth(2.5);
            ring(g, linkedHover, r + 5);
        }
        if (dragged && tool != Tool.PAN && !path.isEmpty()) {
            g.setStroke(Color.web("#1971c2"));
            g.setFill(Color.web("#1971c2", 0.12));
            g.setLineWidth(1.5);
            g.setLineDashes(5, 4);
            if (tool == Tool.BOX) {
                double[] end = path.get(path.size() - 1);
                double x = Math.min(pressX, end[0]);
                double y = Math.min(pressY, end[1]);
                g.fillRect(x, y, Math.abs(end[0] - pressX), Math.abs(end[1] - pressY));
                g.strokeRect(x, y, Math.abs(end[0] - pressX), Math.abs(end[1] - pressY));
            } else {
                double[] xs = path.stream().mapToDouble(p -> p[0]).toArray();
                double[] ys = path.stream().mapToDouble(p -> p[1]).toArray();
                g.fillPolygon(xs, ys, xs.length);
                g.strokePolygon(xs, ys, xs.length);
            }
            g.setLineDashes();
        }
    }

    private void ring(GraphicsContext g, int i, double radius) {
        double x = view.screenX(layout.x()[i]);
        double y = view.screenY(layout.y()[i]);
        if (x < -radius || y < -radius || x > view.width() + radius || y > view.height() + radius) {
            return;
        }
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    private void star(GraphicsContext g, double x, double y) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int k = 0; k < 10; k++) {
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            double radius = k % 2 == 0 ? 11 : 4.5;
            xs[k] = x + radius * Math.cos(angle);
            ys[k] = y + radius * Math.sin(angle);
        }
        g.setFill(Color.web("#e8590c"));
        g.fillPolygon(xs, ys, 10);
        g.setStroke(ink);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, 10);
    }

    // ---- the pointer ----

    private void scrolled(ScrollEvent event) {
        if (view == null || event.getDeltaY() == 0) {
            return;
        }
        followLayout = false;
        view = view.zoomAbout(event.getX(), event.getY(), Math.exp(event.getDeltaY() / 300));
        markRaster();
        event.consume();
    }

    private void pressed(MouseEvent event) {
        requestFocus();
        pressX = lastX = event.getX();
        pressY = lastY = event.getY();
        dragged = false;
        path.clear();
        path.add(new double[] {pressX, pressY});
    }

    private Tool activeTool(MouseEvent event) {
        if (event.isShiftDown()) {
            return Tool.BOX;
        }
        if (event.isAltDown()) {
            return Tool.LASSO;
        }
        return event.getButton() == MouseButton.PRIMARY ? tool : Tool.PAN;
    }

    private void dragged(MouseEvent event) {
        if (view == null) {
            return;
        }
        if (!dragged && Math.hypot(event.getX() - pressX, event.getY() - pressY) < CLICK_SLOP) {
            return;
        }
        dragged = true;
        setHover(-1, 0, 0);
        Tool active = activeTool(event);
        if (active == Tool.PAN) {
            followLayout = false;
            view = view.panBy(event.getX() - lastX, event.getY() - lastY);
            markRaster();
        } else {
            Tool previous = tool;
            tool = active;
            path.add(new double[] {event.getX(), event.getY()});
            drawOverlay();
            tool = previous;
        }
        lastX = event.getX();
        lastY = event.getY();
    }

    private void released(MouseEvent event) {
        if (view == null) {
            return;
        }
        Tool active = activeTool(event);
        if (!dragged) {
            int index = pointAt(event.getX(), event.getY());
            if (index >= 0) {
                onPointClicked.accept(index);
            }
        } else if (active == Tool.BOX) {
            select(AreaSelection.box(layout, view, pressX, pressY, event.getX(), event.getY(), hidden), event);
        } else if (active == Tool.LASSO) {
            path.add(new double[] {event.getX(), event.getY()});
            double[] xs = path.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = path.stream().mapToDouble(p -> p[1]).toArray();
            select(AreaSelection.lasso(layout, view, xs, ys, hidden), event);
        }
        dragged = false;
        path.clear();
        markOverlay();
    }

    private void select(BitSet inside, MouseEvent event) {
        if (event.isControlDown() || event.isMetaDown()) {
            inside.or(selection);
        }
        selection = inside;
        onSelection.accept((BitSet) inside.clone());
    }

    private void moved(MouseEvent event) {
        int index = pointAt(event.getX(), event.getY());
        setHover(index, event.getX(), event.getY());
    }

    private void setHover(int index, double x, double y) {
        if (index == hover && index < 0) {
            return;
        }
        hover = index;
        onHover.accept(index);
        if (index >= 0) {
            tooltip.setText(describe.apply(index));
            tooltip.setVisible(true);
            tooltip.autosize();
            double tx = x + 14 + tooltip.getWidth() > getWidth() ? x - 14 - tooltip.getWidth() : x + 14;
            double ty = y + 14 + tooltip.getHeight() > getHeight() ? y - 14 - tooltip.getHeight() : y + 14;
            tooltip.relocate(Math.max(0, tx), Math.max(0, ty));
        } else {
            tooltip.setVisible(false);
        }
        markOverlay();
    }
}
