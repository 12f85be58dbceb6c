package org.embex.desktop.plot;

import java.util.BitSet;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.DensityLayer;
import org.embex.desktop.map.Legend;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.PointStyle;
import org.embex.desktop.ui.Themes;
import org.embex.layout.Layout;

/** The map view with its legend and a title, drawn off-screen into an image. Call on the JavaFX thread. */
public final class MapPicture {

    private MapPicture() {
    }

    public static WritableImage draw(Layout layout, Colouring colouring, BitSet hidden, MapLabels labels, String title, String subtitle, int width, int height,
                                     boolean dark) {
        new Themes().apply(dark);
        MapView map = new MapView();
        map.setLayout(layout);
        map.setColouring(colouring);
        map.setHidden(hidden);
        map.setLabels(labels);
        map.setPointStyle(PointStyle.forPoints(layout.points()));
        // As in the window: where points overplot, the density layer says where most of them are.
        map.setDensity(DensityLayer.onByDefault(layout.points() - hidden.cardinality()));
        map.setColours(dark ? 0x0D1117 : 0xFFFFFF, Color.web(dark ? "#f0f6fc" : "#1f2328"));
        Legend legend = new Legend();
        legend.show(colouring);
        legend.setPadding(new Insets(16));
        legend.setPrefWidth(260);
        Label heading = new Label(title);
        heading.getStyleClass().add("title-3");
        Label detail = new Label(subtitle);
        detail.getStyleClass().add("text-muted");
        VBox top = new VBox(2, heading, detail);
        top.setPadding(new Insets(14, 16, 6, 16));
        return Pictures.snapshot(new BorderPane(map, top, legend, null, null), width, height, List.of(map));
    }
}
