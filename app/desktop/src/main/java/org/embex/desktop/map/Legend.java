package org.embex.desktop.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * What the colours mean, with how many points each has. Clicking an entry hides or shows its
 * points; a score colouring shows its scale from lowest to highest, and the map's density shading its own.
 */
public final class Legend extends VBox {

    /** A colour bar's width: what the legend's usual width holds beside its padding, with no scroll bar. */
    private static final double BAR_WIDTH = 160;

    private final Label title = new Label();
    private final VBox entries = new VBox(2);
    /** The density's colour bar, under the entries while the map shades density. */
    private final VBox density = new VBox(4);
    private final Set<Integer> hidden = new HashSet<>();
    private final List<Label> counts = new ArrayList<>();
    private final List<Colouring.Category> shown = new ArrayList<>();
    private Consumer<Set<Integer>> onHiddenChanged = categories -> { };

    public Legend() {
        super(8);
        getStyleClass().add("legend");
        title.getStyleClass().add("legend-title");
        // A long title ("Neighbour agreement (of the 10 nearest)") wraps rather than being cut.
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        density.getStyleClass().add("legend-density");
        density.setManaged(false);
        density.setVisible(false);
        getChildren().addAll(title, entries, density);
    }

    /**
     * Whether the map shades its points' density, and over which background: the bar shows the
     * shades the map blends, from a thin scatter to the densest crowd, so a reader can tell them apart.
     */
    public void showDensity(boolean shown, int background) {
        density.setVisible(shown);
        density.setManaged(shown);
        density.getChildren().clear();
        if (!shown) {
            return;
        }
        int[] shades = DensityLayer.shades(background);
        Stop[] stops = new Stop[11];
        for (int k = 0; k <= 10; k++) {
            stops[k] = new Stop(k / 10.0, Color.web(Palette.css(shades[k * (shades.length - 1) / 10] & 0xFFFFFF)));
        }
        Label heading = new Label("Point density");
        heading.getStyleClass().add("legend-title");
        heading.setWrapText(true);
        Rectangle bar = new Rectangle(BAR_WIDTH, 12, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.getStyleClass().add("legend-bar");
        Label fewer = new Label("sparse");
        Label more = new Label("dense");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox ends = new HBox(fewer, gap, more);
        ends.setMaxWidth(BAR_WIDTH);
        Label note = new Label("points per area, log scale");
        note.getStyleClass().add("legend-count");
        density.setPadding(new Insets(10, 0, 0, 0));
        density.getChildren().addAll(heading, bar, ends, note);
    }

    /** Whether the density's colour bar is shown. */
    public boolean densityShown() {
        return density.isVisible();
    }

    public void onHiddenChanged(Consumer<Set<Integer>> listener) {
        onHiddenChanged = listener;
    }

    public Set<Integer> hiddenCategories() {
        return Set.copyOf(hidden);
    }

    public void show(Colouring colouring) {
        hidden.clear();
        entries.getChildren().clear();
        counts.clear();
        shown.clear();
        title.setText(colouring.title());
        if (colouring.scoreRange().isPresent()) {
            showScale(colouring.scoreRange().get());
            return;
        }
        for (int c = 0; c < colouring.categories().size(); c++) {
            entries.getChildren().add(entry(c, colouring.categories().get(c)));
        }
    }

    private ToggleButton entry(int index, Colouring.Category category) {
        Circle swatch = new Circle(6, Color.web(Palette.css(category.colour())));
        Label name = new Label(category.name());
        name.setMaxWidth(150);
        name.setMinWidth(0);
        // A long name is cut, never the count: the full name shows on hover.
        name.setTooltip(new Tooltip(category.name() + " · " + String.format("%,d", category.count())));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label count = new Label(String.format("%,d", category.count()));
        count.getStyleClass().add("legend-count");
        counts.add(count);
        shown.add(category);
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, swatch, name, gap, count);
        row.setAlignment(Pos.CENTER_LEFT);
        ToggleButton button = new ToggleButton();
        button.setGraphic(row);
        button.setSelected(true);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add("legend-entry");
        row.prefWidthProperty().bind(button.widthProperty().subtract(24));
        button.selectedProperty().addListener((observable, was, shown) -> {
            if (shown) {
                hidden.remove(index);
            } else {
                hidden.add(index);
            }
            swatch.setOpacity(shown ? 1 : 0.25);
            name.setOpacity(shown ? 1 : 0.5);
            onHiddenChanged.accept(Set.copyOf(hidden));
        });
        return button;
    }

    /**
     * Each category's rows that a filter keeps: a count that differs from the category's says both
     * ("12 of 40"), so a filtered legend never hides how many there are.
     */
    public void showCounts(int[] kept) {
        if (kept.length != counts.size()) {
            return;
        }
        for (int c = 0; c < kept.length; c++) {
            int total = shown.get(c).count();
            counts.get(c).setText(kept[c] == total ? String.format("%,d", total) : String.format("%,d of %,d", kept[c], total));
        }
    }

    /** The count each entry says, as shown. */
    public List<String> countTexts() {
        return counts.stream().map(Label::getText).toList();
    }

    private void showScale(double[] range) {
        Stop[] stops = new Stop[11];
        for (int k = 0; k <= 10; k++) {
            stops[k] = new Stop(k / 10.0, Color.web(Palette.css(Palette.score(k / 10.0))));
        }
        Rectangle bar = new Rectangle(BAR_WIDTH, 12, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        Label low = new Label(String.format("%.3f", range[0]));
        Label high = new Label(String.format("%.3f", range[1]));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox ends = new HBox(low, gap, high);
        ends.setMaxWidth(BAR_WIDTH);
        entries.getChildren().addAll(bar, ends);
    }
}
