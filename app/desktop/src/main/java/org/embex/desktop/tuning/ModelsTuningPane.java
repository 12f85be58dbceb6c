package org.embex.desktop.tuning;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

import org.embex.desktop.controls.TextColumns;
import org.embex.embed.ModelCost;
import org.embex.usecase.ModelLineup;

/**
 * Every installed model on the corpus on screen: the chart of a quality figure against speed, the
 * quality chosen among those the corpus allows, and the table of every figure measured.
 */
public final class ModelsTuningPane extends BorderPane {

    private static final List<ModelChart.Quality> QUALITIES = List.of(
            new ModelChart.Quality("gate AUROC", ModelLineup.Entry::gateAuroc),
            new ModelChart.Quality("out-of-scope refused at 95% kept", ModelLineup.Entry::refusedAt95),
            new ModelChart.Quality("k-NN label accuracy", ModelLineup.Entry::knnAccuracy),
            new ModelChart.Quality("STS Spearman", ModelLineup.Entry::stsSpearman));

    private final Label summary = new Label();
    private final ComboBox<String> quality = new ComboBox<>();
    private final ModelChart chart = new ModelChart();
    private final TableView<ModelLineup.Entry> table = new TableView<>();
    private final Button sts = new Button("Add STS pairs…");
    private List<ModelLineup.Entry> entries = List.of();

    public ModelsTuningPane() {
        setPadding(new Insets(10));
        summary.getStyleClass().add("pane-heading");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        quality.setId("models-quality");
        quality.valueProperty().addListener((o, was, now) -> chart.show(entries, chosen()));
        table.setId("models-table");
        table.getColumns().add(TextColumns.of("model", ModelLineup.Entry::name, 150));
        table.getColumns().add(TextColumns.of("texts/s", entry -> cost(entry, cost -> String.format("%.0f", cost.textsPerSecond())), 74));
        table.getColumns().add(TextColumns.of("query ms", entry -> cost(entry, cost -> String.format("%.2f", cost.queryMillis())), 84));
        table.getColumns().add(TextColumns.of("RSS MB", entry -> cost(entry, cost -> cost.residentBytes().isPresent()
                ? String.format("%.0f", cost.residentBytes().getAsLong() / 1e6) : "—"), 76));
        table.getColumns().add(TextColumns.of("file MB", entry -> cost(entry, cost -> String.format("%.1f", cost.fileBytes() / 1e6)), 72));
        table.getColumns().add(TextColumns.of("AUROC", entry -> figure(entry.gateAuroc(), "%.4f", 1), 70));
        table.getColumns().add(TextColumns.of("refused", entry -> figure(entry.refusedAt95(), "%.1f%%", 100), 76));
        table.getColumns().add(TextColumns.of("k-NN", entry -> figure(entry.knnAccuracy(), "%.1f%%", 100), 62));
        table.getColumns().add(TextColumns.of("STS", entry -> figure(entry.stsSpearman(), "%.4f", 1), 58));
        // Nine columns at the widths their figures need: a narrow window scrolls sideways rather than cutting a number.
        Label by = new Label("Quality");
        by.setMinWidth(Region.USE_PREF_SIZE);
        sts.setId("models-sts");
        sts.setTooltip(new Tooltip("Sentence pairs with a gold score (sentence1, sentence2, score): each model's Spearman joins the table"));
        sts.setMinWidth(Region.USE_PREF_SIZE);
        HBox choose = new HBox(8, by, quality, sts);
        choose.setAlignment(Pos.CENTER_LEFT);
        choose.setPadding(new Insets(0, 0, 6, 0));
        BorderPane upper = new BorderPane(chart, choose, null, null, null);
        SplitPane split = new SplitPane(upper, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        setTop(summary);
        BorderPane.setMargin(summary, new Insets(0, 0, 8, 0));
        setCenter(split);
    }

    /** A cost figure, or a dash for vectors a file brought, which cost nothing to measure here. */
    private static String cost(ModelLineup.Entry entry, Function<ModelCost, String> figure) {
        return entry.cost().map(figure).orElse("—");
    }

    private static String figure(OptionalDouble value, String format, double scale) {
        return value.isPresent() ? String.format(format, value.getAsDouble() * scale) : "—";
    }

    /** Shows the models' rows; the chart's quality is the first the corpus allows. */
    public void show(String corpus, List<ModelLineup.Entry> shown) {
        entries = List.copyOf(shown);
        summary.setText(String.format("%s · %d installed models, each embedding the corpus and timed on its texts", corpus, shown.size()));
        table.getItems().setAll(shown);
        List<String> allowed = QUALITIES.stream().filter(q -> shown.stream().anyMatch(entry -> q.value().apply(entry).isPresent()))
                .map(ModelChart.Quality::title).toList();
        quality.getItems().setAll(allowed);
        quality.setValue(allowed.isEmpty() ? null : allowed.get(0));
        chart.show(entries, chosen());
    }

    private ModelChart.Quality chosen() {
        return QUALITIES.stream().filter(q -> q.title().equals(quality.getValue())).findFirst().orElse(null);
    }

    /** Called with the STS pairs file the user chose. */
    public void onStsFile(Consumer<Path> listener) {
        sts.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("STS pairs");
            java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                listener.accept(file.toPath());
            }
        });
    }

    public void setDark(boolean dark) {
        chart.setInk(dark ? Color.web("#f0f6fc") : Color.web("#1f2328"));
    }

    public ModelChart chart() {
        return chart;
    }

    public TableView<ModelLineup.Entry> table() {
        return table;
    }

    public ComboBox<String> quality() {
        return quality;
    }
}
