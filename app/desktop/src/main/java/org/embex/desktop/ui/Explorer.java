package org.embex.desktop.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
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
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.embex.EmbexException;
import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.desktop.map.ColourBy;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.Legend;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.PointStyle;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.model.ModelFolder;
import org.embex.progress.CancelledException;
import org.embex.usecase.Clusters;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.ModelChoice;
import org.embex.usecase.QueryPlacement;
import org.embex.usecase.Search;
import org.embex.usecase.SelectionExport;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;

/**
 * The explorer window's content and what ties its parts together: a corpus is read, embedded
 * through the cache and shown at once as PCA, then its UMAP or t-SNE forms on the map while the
 * user already hovers and clicks. Every long step runs as a {@link Job} off the JavaFX thread.
 */
public final class Explorer extends BorderPane {

    static final String COLOUR_LABEL = "Label";
    static final String COLOUR_CLUSTER = "Cluster (k-means)";
    static final String COLOUR_QUERY = "Similarity to query";
    static final String COLOUR_NONE = "One colour";
    private static final int SNAPSHOT_EVERY = 10;
    private static final int SKIPPED_SHOWN = 5;
    private static final long SNAPSHOT_NANOS = 120_000_000L;

    private final Workspace workspace;
    private final Settings settings;
    private final Layouts layouts;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "embex-job");
        thread.setDaemon(true);
        return thread;
    });

    private final MapView map = new MapView();
    private final Legend legend = new Legend();
    private final NeighboursPane neighbours = new NeighboursPane();
    private final SelectionPane selection = new SelectionPane();
    private final StatusBar status = new StatusBar();
    private final Label warning = new Label();
    /** Offered under the banner when an installed model reads the corpus the model on screen does not. */
    private final Button switchModel = new Button();
    /** Set while the model box follows a newly opened corpus, so that its listener does not re-embed the old one. */
    private boolean followingCorpus;
    /** The installed models, read once: the model box lists them and the model follows the corpus among them. */
    private final List<ModelFolder> installedModels;
    private final Label placeholder = new Label("Open a corpus: File › Open (Ctrl+O), or drop a file here.");
    private final ComboBox<String> model = new ComboBox<>();
    private final ComboBox<LayoutMethod> method = new ComboBox<>();
    private final ComboBox<String> colourBy = new ComboBox<>();
    private final Slider size = new Slider(0.5, 8, PointStyle.DEFAULT.radius());
    private final Slider opacity = new Slider(0.1, 1, PointStyle.DEFAULT.opacity());
    private final ToggleButton dark = new ToggleButton("Dark");
    private final SplitPane split;
    private final Themes themes;

    private EmbeddedCorpus current;
    /** Every model this corpus was embedded with in this session, for the workbench's overlays. */
    private final Map<String, EmbeddedCorpus> embeddings = new LinkedHashMap<>();
    private final Tools tools;
    private Layout pca;
    private Layout layout;
    private Clusters clusters;
    private float[] queryVector;
    private String queryText;
    private Job<?> mainJob;
    private Job<?> layoutJob;
    private Job<?> indexJob;

    public Explorer(Workspace workspace, Settings settings, Themes themes) {
        this.workspace = workspace;
        this.settings = settings;
        this.installedModels = workspace.installedModels();
        this.themes = themes;
        this.layouts = Layouts.defaults(workspace);
        this.tools = new Tools(this, workspace, themes);
        getStyleClass().add("explorer");

        ScrollPane legendScroll = new ScrollPane(legend);
        legendScroll.setFitToWidth(true);
        legendScroll.setPadding(new Insets(10));
        legendScroll.setMinWidth(170);

        warning.setId("warning");
        warning.getStyleClass().add("map-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(640);
        warning.setVisible(false);
        warning.setOnMouseClicked(event -> {
            warning.setVisible(false);
            switchModel.setVisible(false);
        });
        switchModel.setId("switch-model");
        switchModel.getStyleClass().add("accent");
        switchModel.setVisible(false);
        switchModel.managedProperty().bind(switchModel.visibleProperty());
        VBox banner = new VBox(6, warning, switchModel);
        banner.setAlignment(Pos.TOP_CENTER);
        banner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        banner.setPickOnBounds(false);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane.setMargin(banner, new Insets(12));
        map.setId("map");
        placeholder.getStyleClass().add("map-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(420);
        placeholder.setMouseTransparent(true);
        StackPane mapArea = new StackPane(map, placeholder, banner);
        mapArea.setMinWidth(300);

        Tab neighbourTab = new Tab("Neighbours", neighbours);
        Tab selectionTab = new Tab("Selection", selection);
        TabPane tabs = new TabPane(neighbourTab, selectionTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(280);

        split = new SplitPane(legendScroll, mapArea, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(settings.number("divider.0", 0.16), settings.number("divider.1", 0.70));
        SplitPane.setResizableWithParent(legendScroll, false);
        SplitPane.setResizableWithParent(tabs, false);

        setTop(new VBox(new Menus(this).bar(), toolbar()));
        setCenter(split);
        setBottom(status);

        map.describeWith(this::describe);
        map.onPointClicked(this::neighboursOfPoint);
        map.onSelection(this::selected);
        legend.onHiddenChanged(map::setHiddenCategories);
        neighbours.onQuery(this::query);
        neighbours.onPick(map::centreOn);
        neighbours.onOptionsChanged(() -> {
            refreshNeighbours();
            indexNeighbours();
        });
        selection.onExport(this::exportSelection);
        selection.onClear(() -> selected(new BitSet()));

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
                Platform.runLater(() -> chooseColumns(dropped));
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
        applyTheme(settings.flag("dark", false));
    }

    private ToolBar toolbar() {
        Button open = new Button("Open…");
        open.setId("open");
        open.setOnAction(event -> openWithChooser());

        List<String> installed = installedModels.stream().map(ModelFolder::id).toList();
        model.getItems().setAll(installed);
        String remembered = settings.text("model", "all-minilm-l6-v2");
        model.setValue(installed.contains(remembered) ? remembered : installed.isEmpty() ? null : installed.get(0));
        model.setId("model");
        model.setTooltip(new Tooltip("Installed models; ./embex models install ID adds others"));
        model.valueProperty().addListener((o, was, now) -> {
            if (!followingCorpus && now != null && current != null && !now.equals(current.model())) {
                settings.setText("model", now);
                embed(current.spec(), current.corpus());
            }
        });

        method.getItems().setAll(LayoutMethod.values());
        method.setValue(LayoutMethod.valueOf(settings.text("method", LayoutMethod.UMAP.name())));
        method.setId("method");
        method.valueProperty().addListener((o, was, now) -> {
            settings.setText("method", now.name());
            if (current != null) {
                project(now);
            }
        });

        colourBy.setId("colour-by");
        colourBy.setPrefWidth(170);
        colourBy.valueProperty().addListener((o, was, now) -> recolour());

        ToggleGroup tools = new ToggleGroup();
        ToggleButton pan = tool("Pan", MapView.Tool.PAN, tools, "Drag to move the map (scroll to zoom)");
        tool("Box", MapView.Tool.BOX, tools, "Drag a box to select (or Shift-drag in any mode)");
        tool("Lasso", MapView.Tool.LASSO, tools, "Draw around points to select (or Alt-drag in any mode)");
        pan.setSelected(true);

        size.setPrefWidth(90);
        opacity.setPrefWidth(90);
        size.valueProperty().addListener((o, was, now) -> restyle());
        opacity.valueProperty().addListener((o, was, now) -> restyle());
        restyle();

        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Show all points (Ctrl+0)"));
        fit.setOnAction(event -> map.fitAll());
        dark.setSelected(settings.flag("dark", false));
        dark.setId("dark");
        dark.selectedProperty().addListener((o, was, now) -> applyTheme(now));

        ToolBar bar = new ToolBar(open, new Separator(), new Label("Model"), model, new Label("Map"), method,
                new Label("Colour"), colourBy, new Separator());
        bar.getItems().addAll(tools.getToggles().stream().map(t -> (ToggleButton) t).toList());
        bar.getItems().addAll(new Separator(), new Label("Size"), size, new Label("Opacity"), opacity, fit, dark);
        return bar;
    }

    private ToggleButton tool(String name, MapView.Tool tool, ToggleGroup group, String help) {
        ToggleButton button = new ToggleButton(name);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(help));
        button.setUserData(tool);
        button.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                map.setTool(tool);
            } else if (group.getSelectedToggle() == null) {
                button.setSelected(true);
            }
        });
        return button;
    }

    private void restyle() {
        map.setPointStyle(new PointStyle(size.getValue(), opacity.getValue()));
    }

    void applyTheme(boolean useDark) {
        themes.apply(useDark);
        tools.setDark(useDark);
        settings.setFlag("dark", useDark);
        if (dark.isSelected() != useDark) {
            dark.setSelected(useDark);
        }
        map.setColours(useDark ? 0x0D1117 : 0xFFFFFF, useDark ? Color.web("#f0f6fc") : Color.web("#1f2328"));
    }

    // ---- opening ----

    void openWithChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open corpus");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Corpora (csv, tsv, jsonl, txt)", "*.csv", "*.tsv", "*.jsonl", "*.txt", "*.md"),
                new FileChooser.ExtensionFilter("All files", "*"));
        settings.recentFiles().stream().findFirst().map(Path::getParent).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        Optional.ofNullable(chooser.showOpenDialog(window())).ifPresent(file -> chooseColumns(file.toPath()));
    }

    /** Shows the import dialog for {@code file}, then opens it as the user settled. */
    public void chooseColumns(Path file) {
        new ImportDialog(window(), file).showAndWait().ifPresent(this::open);
    }

    /** Reads and embeds a corpus; the current one stays on screen until the new one is ready. */
    public Job<Corpus> open(CorpusSpec spec) {
        Job<Corpus> reading = new Job<>("Reading " + spec.file().getFileName(), "rows", job -> spec.read());
        Optional<String> lastUsed = Optional.ofNullable(settings.text(modelKey(spec.file()), null));
        if (current == null) {
            placeholder.setText("Opening " + spec.file().getFileName() + "…\n\nThe map appears as soon as the texts are "
                    + "embedded. The vectors are cached, so the next time it opens at once.");
        }
        reading.setOnSucceeded(event -> {
            settings.addRecentFile(spec.file());
            follow(reading.getValue(), lastUsed);
            embed(spec, reading.getValue());
        });
        reading.setOnFailed(event -> failed("Could not open " + spec.file().getFileName(), reading.getException()));
        start(reading);
        return reading;
    }

    /**
     * The model follows the corpus: the one last used on this file, else an installed model that
     * reads its script (MiniLM for English, bge-small-zh for Chinese), chosen without re-embedding
     * the corpus still on screen.
     */
    private void follow(Corpus corpus, Optional<String> lastUsed) {
        ModelChoice.forCorpus(installedModels, corpus, lastUsed).ifPresent(id -> {
            followingCorpus = true;
            try {
                model.setValue(id);
            } finally {
                followingCorpus = false;
            }
        });
    }

    /** The preferences key of the model last used on {@code file} (keys are short: a hash of the path). */
    private static String modelKey(Path file) {
        return "model-for-" + UUID.nameUUIDFromBytes(file.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private void embed(CorpusSpec spec, Corpus corpus) {
        String chosen = model.getValue();
        if (chosen == null) {
            failed("No model installed", new EmbexException("install one with ./embex models install all-minilm-l6-v2"));
            return;
        }
        Job<Opened> embedding = new Job<>("Embedding with " + chosen, "texts", job -> {
            job.say("Loading " + chosen + " and looking up " + corpus.rows().size() + " texts in the cache…");
            EmbeddedCorpus embedded = CorpusEmbedding.embed(workspace, spec, corpus, chosen, job.progress(), job.cancellation());
            job.say("PCA of " + embedded.size() + " points…");
            return new Opened(embedded, layouts.quick(embedded), ModelChoice.warnings(workspace, embedded),
                    ModelChoice.advice(workspace.catalogueModels(), embedded));
        });
        embedding.setOnSucceeded(event -> show(embedding.getValue()));
        embedding.setOnFailed(event -> failed("Embedding failed", embedding.getException()));
        embedding.setOnCancelled(event -> {
            status.say("Embedding cancelled. Vectors already computed stay in the cache; opening again resumes there.");
            if (current != null) {
                model.setValue(current.model());
            }
        });
        start(embedding);
    }

    /** An embedded corpus, its first, instant map, and what to tell about how the model read it. */
    private record Opened(EmbeddedCorpus corpus, Layout pca, List<String> modelWarnings, Optional<ModelChoice.Advice> advice) {
    }

    /**
     * Puts a new corpus on screen in three turns of the event loop (map, then colours and legend,
     * then the layout), so that no turn holds the JavaFX thread long enough to be felt.
     */
    private void show(Opened opened) {
        if (layoutJob != null) {
            layoutJob.cancel();
            layoutJob = null;
        }
        if (current == null || !current.spec().equals(opened.corpus().spec())) {
            embeddings.clear();
        }
        if (indexJob != null) {
            indexJob.cancel();
            indexJob = null;
        }
        current = opened.corpus();
        embeddings.put(current.model(), current);
        placeholder.setVisible(false);
        pca = opened.pca();
        layout = pca;
        clusters = null;
        queryVector = null;
        queryText = null;
        neighbours.clear();
        selection.show(List.of());
        PointStyle style = PointStyle.forPoints(current.size());
        size.setValue(style.radius());
        opacity.setValue(style.opacity());
        map.setLayout(pca);
        map.fitAll();
        // Rows left out by "skip rows that do not fit" are said first, in the commands' words.
        List<String> warnings = new ArrayList<>(current.corpus().skippedSummary(SKIPPED_SHOWN).stream().toList());
        warnings.addAll(opened.modelWarnings());
        warning.setText(String.join("\n", warnings));
        warning.setVisible(!warnings.isEmpty());
        Optional<String> better = opened.advice().flatMap(ModelChoice.Advice::switchTo);
        switchModel.setText(better.map(id -> "Use " + id).orElse(""));
        switchModel.setOnAction(event -> better.ifPresent(model::setValue));
        switchModel.setVisible(better.isPresent());
        settings.setText(modelKey(current.spec().file()), current.model());
        Window window = window();
        if (window instanceof javafx.stage.Stage stage) {
            stage.setTitle("embex — " + current.spec().file().getFileName() + " · " + current.model());
        }
        status.facts(String.format("%,d texts · %s", current.size(), current.model()));
        indexNeighbours();
        EmbeddedCorpus shown = current;
        Platform.runLater(() -> {
            if (current == shown) {
                colourChoices();
                Platform.runLater(() -> {
                    if (current == shown) {
                        project(method.getValue());
                    }
                });
            }
        });
    }

    private void colourChoices() {
        List<String> choices = new ArrayList<>();
        if (current.labelled()) {
            choices.add(COLOUR_LABEL);
        }
        choices.add(COLOUR_CLUSTER);
        current.corpus().rows().stream().flatMap(row -> row.metadata().keySet().stream()).distinct().limit(20).forEach(choices::add);
        choices.add(COLOUR_QUERY);
        choices.add(COLOUR_NONE);
        String previous = colourBy.getValue();
        String next = previous != null && choices.contains(previous) && !previous.equals(COLOUR_QUERY) ? previous : choices.get(0);
        colourBy.getItems().setAll(choices);
        if (next.equals(colourBy.getValue())) {
            recolour();
        } else {
            // The listener recolours.
            colourBy.setValue(next);
        }
    }

    // ---- the map ----

    private void project(LayoutMethod chosen) {
        if (layoutJob != null) {
            layoutJob.cancel();
        }
        EmbeddedCorpus corpus = current;
        if (chosen == LayoutMethod.PCA) {
            showLayout(pca);
            status.say(String.format("PCA map of %,d points", corpus.size()));
            return;
        }
        AtomicBoolean snapshotPending = new AtomicBoolean();
        AtomicLong lastSnapshot = new AtomicLong();
        Job<Layout> projecting = new Job<>(chosen.label(), "iterations", job -> {
            LayoutWatch watch = new LayoutWatch(job.progress(), job.cancellation(), snapshot -> {
                // Drop snapshots the screen has not caught up with, rather than queue them, and show at
                // most a few a second: the eye follows the map forming, and each one costs a frame.
                long now = System.nanoTime();
                if (now - lastSnapshot.get() >= SNAPSHOT_NANOS && snapshotPending.compareAndSet(false, true)) {
                    lastSnapshot.set(now);
                    Platform.runLater(() -> {
                        snapshotPending.set(false);
                        if (current == corpus && !job.isDone()) {
                            showLayout(snapshot);
                        }
                    });
                }
            }, SNAPSHOT_EVERY);
            return layouts.make(corpus, chosen, watch).layout();
        });
        projecting.setOnSucceeded(event -> {
            if (current == corpus) {
                showLayout(projecting.getValue());
                status.say(String.format("%s map of %,d points", chosen.label(), corpus.size()));
            }
        });
        projecting.setOnFailed(event -> failed(chosen.label() + " failed", projecting.getException()));
        projecting.setOnCancelled(event -> status.say(chosen.label() + " cancelled; the map shows where it stopped."));
        layoutJob = projecting;
        start(projecting);
    }

    private void showLayout(Layout next) {
        layout = next;
        map.setLayout(next);
    }

    private void recolour() {
        String choice = colourBy.getValue();
        if (current == null || choice == null) {
            return;
        }
        List<TextRow> rows = current.corpus().rows();
        Colouring colouring;
        switch (choice) {
            case COLOUR_LABEL -> colouring = ColourBy.label(current);
            case COLOUR_NONE -> colouring = Colouring.uniform(rows.size());
            case COLOUR_CLUSTER -> {
                if (clusters == null) {
                    computeClusters();
                    return;
                }
                colouring = ColourBy.clusters(clusters);
            }
            case COLOUR_QUERY -> {
                if (queryVector == null) {
                    status.say("Type a query (or click a point) to colour the map by similarity to it.");
                    colouring = Colouring.uniform(rows.size());
                } else {
                    colouring = Colouring.scores(neighbours.metric().label() + " to “" + shorten(queryText, 40) + "”",
                            current.scores(queryVector, neighbours.metric()));
                }
            }
            default -> colouring = ColourBy.column(current, choice);
        }
        map.setColouring(colouring);
        legend.show(colouring);
    }

    private void computeClusters() {
        EmbeddedCorpus corpus = current;
        Job<Clusters> clustering = new Job<>("k-means, k = " + Clusters.defaultCount(corpus.size()), "points",
                job -> Clusters.of(corpus));
        clustering.setOnSucceeded(event -> {
            if (current == corpus) {
                clusters = clustering.getValue();
                recolour();
            }
        });
        clustering.setOnFailed(event -> failed("Clustering failed", clustering.getException()));
        workers.submit(clustering);
    }

    private String describe(int index) {
        TextRow row = current.row(index);
        String label = row.label() == null || row.label().isEmpty() ? "" : "\n— " + row.label();
        String cluster = clusters == null ? "" : "\n— cluster " + clusters.names().get(index);
        return shorten(row.text(), 280) + label + cluster;
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    // ---- neighbours ----

    private int focus = -1;

    private void neighboursOfPoint(int index) {
        focus = index;
        queryText = current.row(index).text();
        queryVector = current.vectors().row(index);
        List<Neighbour> found = current.neighbours(index, neighbours.k(), neighbours.metric());
        showNeighbours("Nearest to “" + shorten(queryText, 120) + "”", found, index, null);
    }

    private void query(String text) {
        if (current == null) {
            return;
        }
        EmbeddedCorpus corpus = current;
        int k = neighbours.k();
        Metric metric = neighbours.metric();
        Job<Search.Hits> embedding = new Job<>("Embedding the query", "texts",
                job -> Search.query(workspace, corpus, text, k, metric));
        embedding.setOnSucceeded(event -> {
            if (current != corpus) {
                return;
            }
            focus = -1;
            queryText = text;
            queryVector = embedding.getValue().query().vector();
            List<Neighbour> found = embedding.getValue().neighbours();
            double[] where = found.isEmpty() ? null : QueryPlacement.place(layout, found);
            showNeighbours("Nearest to the query “" + shorten(text, 120) + "”", found, -1, where);
        });
        embedding.setOnFailed(event -> failed("Could not embed the query", embedding.getException()));
        workers.submit(embedding);
    }

    private void refreshNeighbours() {
        if (current == null || queryVector == null) {
            return;
        }
        if (focus >= 0) {
            neighboursOfPoint(focus);
        } else {
            List<Neighbour> found = current.neighbours(queryVector, neighbours.k(), neighbours.metric());
            showNeighbours("Nearest to the query “" + shorten(queryText, 120) + "”", found, -1,
                    found.isEmpty() ? null : QueryPlacement.place(layout, found));
        }
    }

    /**
     * Builds the graph index of a corpus too large to score at every click, for the metric in use,
     * beside the map; neighbours stay exact (and slower) until it is ready.
     */
    private void indexNeighbours() {
        EmbeddedCorpus corpus = current;
        Metric metric = neighbours.metric();
        if (corpus == null || !corpus.wantsIndex() || corpus.indexed(metric)
                || indexJob != null && !indexJob.isDone()) {
            return;
        }
        Job<Boolean> indexing = new Job<>(String.format("Indexing %,d texts for neighbour search (%s)", corpus.size(),
                metric.label()), "rounds", job -> Search.index(workspace, corpus, metric, job.progress()));
        indexing.setOnSucceeded(event -> {
            if (current == corpus) {
                status.facts(String.format("%,d texts · %s · neighbours from the graph index (%s%s)", corpus.size(),
                        corpus.model(), metric.label(), indexing.getValue() ? ", cached" : ""));
                // The metric may have changed while this one was built.
                indexNeighbours();
            }
        });
        indexing.setOnFailed(event -> failed("Indexing for neighbour search failed", indexing.getException()));
        indexJob = indexing;
        status.follow(indexing);
        workers.submit(indexing);
    }

    private void showNeighbours(String title, List<Neighbour> found, int focusPoint, double[] queryPoint) {
        List<NeighbourRow> rows = new ArrayList<>();
        Metric metric = neighbours.metric();
        for (Neighbour neighbour : found) {
            TextRow row = current.row(neighbour.index());
            double score = metric == Metric.L2 ? -neighbour.score() : neighbour.score();
            rows.add(new NeighbourRow(rows.size() + 1, neighbour.index(), row.text(), row.label(), score));
        }
        neighbours.show(title + (metric == Metric.L2 ? " (L2 distance)" : " (" + metric.label() + ")"), rows);
        map.setNeighbours(focusPoint, found.stream().mapToInt(Neighbour::index).toArray(), queryPoint);
        if (COLOUR_QUERY.equals(colourBy.getValue())) {
            recolour();
        }
    }

    // ---- selection ----

    private void selected(BitSet points) {
        map.setSelection(points);
        List<SelectedRow> rows = new ArrayList<>();
        for (int i = points.nextSetBit(0); i >= 0; i = points.nextSetBit(i + 1)) {
            TextRow row = current.row(i);
            rows.add(new SelectedRow(i, row.id(), row.text(), row.label() == null ? "" : row.label(),
                    clusters == null ? "" : String.valueOf(clusters.assignments()[i])));
        }
        selection.show(rows);
    }

    void exportSelection() {
        List<Integer> rows = selection.indices();
        if (current == null || rows.isEmpty()) {
            status.say("Select points first: Shift-drag a box or Alt-drag a lasso on the map.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export selection");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        chooser.setInitialFileName("selection.csv");
        Optional.ofNullable(chooser.showSaveDialog(window())).ifPresent(file -> export(file.toPath(), rows));
    }

    /** Writes the selected rows to {@code target} (CSV, or JSONL by extension) off the JavaFX thread. */
    public Job<Path> export(Path target, List<Integer> rows) {
        EmbeddedCorpus corpus = current;
        Layout shown = layout;
        int[] assignments = clusters == null ? null : clusters.assignments();
        Job<Path> exporting = new Job<>("Exporting " + rows.size() + " rows", "rows", job -> {
            SelectionExport.write(target, corpus, shown, assignments, rows);
            return target;
        });
        exporting.setOnSucceeded(event -> status.say(String.format("Exported %,d rows to %s", rows.size(), target)));
        exporting.setOnFailed(event -> failed("Export failed", exporting.getException()));
        workers.submit(exporting);
        return exporting;
    }

    // ---- jobs and errors ----

    void start(Job<?> job) {
        if (job != layoutJob) {
            if (mainJob != null && !mainJob.isDone()) {
                mainJob.cancel();
            }
            mainJob = job;
        }
        status.follow(job);
        workers.submit(job);
    }

    void failed(String what, Throwable error) {
        if (error instanceof CancelledException) {
            return;
        }
        String detail = error == null ? "unknown error" : error.getMessage() == null ? error.toString() : error.getMessage();
        status.say(what + ": " + detail);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle("embex");
        alert.setHeaderText(what);
        alert.setContentText(detail);
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }

    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- for menus, the application and tests ----

    MapView map() {
        return map;
    }

    NeighboursPane neighbours() {
        return neighbours;
    }

    SelectionPane selectionPane() {
        return selection;
    }

    StatusBar status() {
        return status;
    }

    ComboBox<String> colourBy() {
        return colourBy;
    }

    ComboBox<String> modelChoice() {
        return model;
    }

    ComboBox<LayoutMethod> method() {
        return method;
    }

    /** The corpus on screen, or null before the first one is ready. */
    public EmbeddedCorpus current() {
        return current;
    }

    /** The map on screen (PCA, a forming layout, or the finished one). */
    public Layout shownLayout() {
        return layout;
    }

    /** The embedding or reading job last started, for whoever waits on it. */
    public Job<?> mainJob() {
        return mainJob;
    }

    public Job<?> layoutJob() {
        return layoutJob;
    }

    /** Points the map at a row: centred, ringed, its neighbours listed. */
    void pickRow(int row) {
        if (current != null && row >= 0 && row < current.size()) {
            map.centreOn(row);
            neighboursOfPoint(row);
        }
    }

    /** Every model this corpus was embedded with in this session, the one on screen first. */
    List<EmbeddedCorpus> embeddings() {
        List<EmbeddedCorpus> all = new ArrayList<>();
        if (current != null) {
            all.add(current);
        }
        embeddings.values().stream().filter(e -> e != current).forEach(all::add);
        return all;
    }

    void addEmbedding(EmbeddedCorpus other) {
        if (current != null && other.spec().equals(current.spec())) {
            embeddings.putIfAbsent(other.model(), other);
        }
    }

    Tools tools() {
        return tools;
    }

    void clearSelection() {
        selected(new BitSet());
        map.setNeighbours(-1, new int[0], null);
        neighbours.clear();
    }

    void focusQuery() {
        neighbours.focusQuery();
    }

    Settings settings() {
        return settings;
    }

    /** Remembers the panes' sizes and stops the background work. */
    public void close() {
        double[] dividers = split.getDividerPositions();
        settings.setNumber("divider.0", dividers[0]);
        settings.setNumber("divider.1", dividers[1]);
        settings.save();
        if (mainJob != null) {
            mainJob.cancel();
        }
        if (layoutJob != null) {
            layoutJob.cancel();
        }
        if (indexJob != null) {
            indexJob.cancel();
        }
        workers.shutdownNow();
        // Jobs stop at their next progress report; give them that long before the workspace closes under them.
        try {
            workers.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
