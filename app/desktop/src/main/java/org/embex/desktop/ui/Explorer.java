package org.embex.desktop.ui;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.embex.desktop.figure.FigureTheme;
import org.embex.desktop.map.Legend;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.PointStyle;
import org.embex.desktop.viewmodel.Banner;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.NeighbourList;
import org.embex.desktop.viewmodel.Settings;
import org.embex.usecase.LayoutMethod;

/**
 * The explorer window's content, a view over {@link ExplorerViewModel}: the toolbar, the map with
 * its legend and banner, the neighbours and selection panes and the status line. It builds the
 * controls, binds them to the view model's properties and forwards the person's gestures to its
 * actions; it holds no state of its own beyond the panes' sizes.
 */
public final class Explorer extends BorderPane {

    private final ExplorerViewModel model;
    private final Settings settings;
    private final Themes themes;
    private final MapView map = new MapView();
    private final Legend legend = new Legend();
    private final NeighboursPane neighbours;
    private final SelectionPane selection;
    private final DuplicatesPane duplicates;
    private final FilterPane filter;
    private final RecommendationsPane recommendations;
    private final StatusBar status;
    private final ToolWindows tools;
    private final SplitPane split;
    /** Set when a new corpus shows, so that its first map is fitted to the view. */
    private boolean fitNext;

    public Explorer(ExplorerViewModel model, Settings settings, Themes themes) {
        this.model = model;
        this.settings = settings;
        this.themes = themes;
        this.neighbours = new NeighboursPane(model);
        this.duplicates = new DuplicatesPane(model);
        this.filter = new FilterPane(model);
        this.recommendations = new RecommendationsPane(model);
        this.status = new StatusBar(model.jobs(), model.statusProperty(), model.factsProperty());
        this.tools = new ToolWindows(model, this::window, themes);
        getStyleClass().add("explorer");

        ScrollPane legendScroll = new ScrollPane(legend);
        legendScroll.setFitToWidth(true);
        legendScroll.setPadding(new Insets(10));
        legendScroll.setMinWidth(170);

        StackPane mapArea = new StackPane(map, placeholder(), banner());
        mapArea.setMinWidth(300);
        map.setId("map");

        Tab recommended = shownWhenChosen("Similar", recommendations);
        this.selection = new SelectionPane(model, () -> tabs(recommended));
        TabPane tabs = new TabPane(shownWhenChosen("Neighbours", neighbours), shownWhenChosen("Selection", selection),
                shownWhenChosen("Duplicates", duplicates), recommended, shownWhenChosen("Filter", filter));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(280);

        split = new SplitPane(legendScroll, mapArea, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(settings.number("divider.0", 0.16), settings.number("divider.1", 0.66));
        SplitPane.setResizableWithParent(legendScroll, false);
        SplitPane.setResizableWithParent(tabs, false);

        setTop(new VBox(new Menus(model, map, neighbours::focusQuery).bar(), toolbar()));
        setCenter(split);
        setBottom(status);
        bindMap();
        acceptDroppedFiles();
        model.darkProperty().addListener((o, was, now) -> applyTheme(now));
        applyTheme(model.darkProperty().get());
    }

    /**
     * A tab whose pane joins the scene when the tab is first chosen: a pane in a tab behind others
     * still has its tables' skins made and its CSS applied, about 0.1 s of the window's start for
     * the four that are not in front. The panes themselves are made at once, bound to the model.
     */
    private static Tab shownWhenChosen(String name, Node pane) {
        // The tab pane selects its first tab when the tabs are added, which brings that tab's pane in.
        Tab tab = new Tab(name);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(pane);
            }
        });
        return tab;
    }

    /** Brings {@code tab} to the front of its pane. */
    private static void tabs(Tab tab) {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
    }

    private Label placeholder() {
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.placeholderProperty());
        placeholder.visibleProperty().bind(model.corpusProperty().isNull());
        placeholder.getStyleClass().add("map-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(420);
        placeholder.setMouseTransparent(true);
        return placeholder;
    }

    /** The warning over the map, with the switch to a model that reads the corpus when one is installed. */
    private VBox banner() {
        Label warning = new Label();
        warning.setId("warning");
        warning.getStyleClass().add("map-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(640);
        warning.setOnMouseClicked(event -> model.dismissBanner());
        Button switchModel = new Button();
        switchModel.setId("switch-model");
        switchModel.getStyleClass().add("accent");
        switchModel.managedProperty().bind(switchModel.visibleProperty());
        switchModel.setOnAction(event -> model.switchModel());
        model.bannerProperty().addListener((o, was, now) -> showBanner(now, warning, switchModel));
        showBanner(model.bannerProperty().get(), warning, switchModel);
        VBox banner = new VBox(6, warning, switchModel);
        banner.setAlignment(Pos.TOP_CENTER);
        banner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        banner.setPickOnBounds(false);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane.setMargin(banner, new Insets(12));
        return banner;
    }

    private static void showBanner(Banner banner, Label warning, Button switchModel) {
        warning.setText(banner.text());
        warning.setVisible(banner.shown());
        switchModel.setText(banner.switchTo().map(id -> "Use " + id).orElse(""));
        switchModel.setVisible(banner.shown() && banner.switchTo().isPresent());
    }

    private static final double MODEL_BOX_WIDTH = 190;

    private ToolBar toolbar() {
        Button open = new Button("Open…");
        open.setId("open");
        open.setOnAction(event -> model.openWithChooser());

        ComboBox<String> models = new ComboBox<>(model.models());
        models.valueProperty().bindBidirectional(model.modelProperty());
        models.setId("model");
        models.setTooltip(new Tooltip("Installed models; ./embex models install ID adds others. A model marked ⇄ runs at "
                + "an endpoint: texts embedded with it are sent there, after you agree once. ▦ marks vectors the open file "
                + "brings (file:COLUMN)"));
        models.setCellFactory(list -> new ModelCell(model::modelBadge, false));
        models.setButtonCell(new ModelCell(model::modelBadge, true));
        // Sized for ids, not for the list's explanations, which would crowd the toolbar; the list opens wider.
        models.setPrefWidth(MODEL_BOX_WIDTH);

        ComboBox<LayoutMethod> method = new ComboBox<>();
        method.getItems().setAll(LayoutMethod.values());
        method.valueProperty().bindBidirectional(model.methodProperty());
        method.setId("method");

        ComboBox<String> colourBy = new ComboBox<>(model.colourChoices());
        colourBy.valueProperty().bindBidirectional(model.colourByProperty());
        colourBy.setId("colour-by");
        colourBy.setPrefWidth(170);

        ToggleGroup tools = new ToggleGroup();
        ToggleButton pan = tool("Pan", MapView.Tool.PAN, tools, "Drag to move the map (scroll to zoom)");
        tool("Box", MapView.Tool.BOX, tools, "Drag a box to select (or Shift-drag in any mode)");
        tool("Lasso", MapView.Tool.LASSO, tools, "Draw around points to select (or Alt-drag in any mode)");
        pan.setSelected(true);

        Slider size = new Slider(0.5, 8, model.pointSizeProperty().get());
        Slider opacity = new Slider(0.1, 1, model.pointOpacityProperty().get());
        size.setPrefWidth(90);
        opacity.setPrefWidth(90);
        size.valueProperty().bindBidirectional(model.pointSizeProperty());
        opacity.valueProperty().bindBidirectional(model.pointOpacityProperty());

        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Show all points (Ctrl+0)"));
        fit.setOnAction(event -> map.fitAll());
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("dark");
        dark.selectedProperty().bindBidirectional(model.darkProperty());

        ToolBar bar = new ToolBar(open, new Separator(), new Label("Model"), models, new Label("Map"), method,
                new Label("Colour"), colourBy, new Separator());
        bar.getItems().addAll(tools.getToggles().stream().map(t -> (ToggleButton) t).toList());
        bar.getItems().addAll(new Separator(), new Label("Size"), size, new Label("Opacity"), opacity, fit, dark);
        return bar;
    }

    private ToggleButton tool(String name, MapView.Tool tool, ToggleGroup group, String help) {
        ToggleButton button = new ToggleButton(name);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(help));
        button.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                map.setTool(tool);
            } else if (group.getSelectedToggle() == null) {
                button.setSelected(true);
            }
        });
        return button;
    }

    /** The map and its legend draw what the view model holds, and report clicks and selections to it. */
    private void bindMap() {
        model.corpusProperty().addListener((o, was, now) -> fitNext = true);
        model.layoutProperty().addListener((o, was, now) -> {
            if (now != null) {
                map.setLayout(now);
                if (fitNext) {
                    fitNext = false;
                    map.fitAll();
                }
            }
        });
        model.colouringProperty().addListener((o, was, now) -> {
            if (now != null && now.points() == map.mapLayout().points()) {
                map.setColouring(now);
                legend.show(now);
                legend.showCounts(model.keptCountsProperty().get());
            }
        });
        model.hiddenRowsProperty().addListener((o, was, now) -> map.setHidden(now));
        model.keptCountsProperty().addListener((o, was, now) -> legend.showCounts(now));
        model.densityProperty().addListener((o, was, now) -> {
            map.setDensity(now);
            showDensityBar();
        });
        model.labelsProperty().addListener((o, was, now) -> map.setLabels(now));
        map.setLabelsShown(model.labelsShownProperty().get());
        model.labelsShownProperty().addListener((o, was, now) -> map.setLabelsShown(now));
        legend.onHiddenChanged(model.hiddenCategoriesProperty()::set);
        model.pointSizeProperty().addListener((o, was, now) -> restyle());
        model.pointOpacityProperty().addListener((o, was, now) -> restyle());
        restyle();
        model.neighbours().neighboursProperty().addListener((o, was, now) -> showNeighbours(now));
        model.selection().selectionProperty().addListener((o, was, now) -> map.setSelection(now.points()));
        model.recommendations().recommendationsProperty().addListener((o, was, now) -> map.setNeighbours(-1, now.points(), null));
        model.neighbours().centringProperty().addListener((o, was, now) -> map.centreOn(now.row()));
        map.describeWith(model::describe);
        map.onPointClicked(model.neighbours()::pickPoint);
        map.onSelection(model.selection()::select);
        model.titleProperty().addListener((o, was, now) -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
                stage.setTitle(now);
            }
        });
    }

    private void showNeighbours(NeighbourList shown) {
        map.setNeighbours(shown.focus(), shown.points(), shown.queryPoint());
    }

    private void restyle() {
        map.setPointStyle(new PointStyle(model.pointSizeProperty().get(), model.pointOpacityProperty().get()));
    }

    private void acceptDroppedFiles() {
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty();
            if (accepted) {
                Path dropped = event.getDragboard().getFiles().get(0).toPath();
                Platform.runLater(() -> model.chooseColumns(dropped));
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void applyTheme(boolean useDark) {
        themes.apply(useDark);
        tools.setDark(useDark);
        Themes.colour(map, useDark);
        showDensityBar();
    }

    /** The legend's density bar, while the map shades density, in the shades of the map's background. */
    private void showDensityBar() {
        legend.showDensity(model.densityProperty().get(), FigureTheme.of(model.darkProperty().get()).background());
    }

    private javafx.stage.Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- for the application and tests ----

    public ExplorerViewModel model() {
        return model;
    }

    MapView map() {
        return map;
    }

    NeighboursPane neighbours() {
        return neighbours;
    }

    SelectionPane selectionPane() {
        return selection;
    }

    DuplicatesPane duplicatesPane() {
        return duplicates;
    }

    Legend legend() {
        return legend;
    }

    FilterPane filterPane() {
        return filter;
    }

    RecommendationsPane recommendationsPane() {
        return recommendations;
    }

    StatusBar status() {
        return status;
    }

    ToolWindows tools() {
        return tools;
    }

    /** Remembers the panes' sizes and stops the view model's work. */
    public void close() {
        double[] dividers = split.getDividerPositions();
        settings.setNumber("divider.0", dividers[0]);
        settings.setNumber("divider.1", dividers[1]);
        model.close();
    }
}
