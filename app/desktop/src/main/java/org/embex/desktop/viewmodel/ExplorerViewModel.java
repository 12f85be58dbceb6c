package org.embex.desktop.viewmodel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.embex.EmbexException;
import org.embex.cluster.TopicTree;
import org.embex.corpus.Corpus;
import org.embex.corpus.RowFilter;
import org.embex.corpus.TextRow;
import org.embex.desktop.map.ColourBy;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.DensityLayer;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.PointStyle;
import org.embex.layout.Layout;
import org.embex.model.ModelFolder;
import org.embex.progress.CancelledException;
import org.embex.usecase.Clusters;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.EndpointNotice;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.ModelChoice;
import org.embex.usecase.OwnVectors;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/**
 * The explorer's state and actions, with no control in sight: the open corpus and the model that
 * embedded it, the map and its colouring, neighbours, selection, the banner and the status line,
 * as JavaFX properties the window binds; opening, embedding, remapping, querying and exporting as
 * plain methods. Long work goes through the {@link JobRunner}, questions to the person through
 * the {@link DialogService}, so the same behaviour runs in the window and in a test without one.
 * The threshold workbench and the model comparison are view models of their own over this one.
 */
public final class ExplorerViewModel {

    public static final String COLOUR_LABEL = "Label";
    public static final String COLOUR_CLUSTER = "Cluster (k-means)";
    public static final String COLOUR_QUERY = "Similarity to query";
    public static final String COLOUR_DUPLICATES = "Near-duplicate group";
    public static final String COLOUR_NONE = "One colour";
    static final String WAITING = "Open a corpus: File › Open (Ctrl+O), or drop a file here.";
    private static final int SKIPPED_SHOWN = 5;

    private final Workspace workspace;
    private final Settings settings;
    private final Layouts layouts;
    private final JobRunner runner;
    private final DialogService dialogs;
    /** The installed models, read once: the model box lists them and the model follows the corpus among them. */
    private final List<ModelFolder> installedModels;

    private final ReadOnlyObjectWrapper<EmbeddedCorpus> corpus = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<LayoutMethod> method = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> colourChoices = FXCollections.observableArrayList();
    private final StringProperty colourBy = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Colouring> colouring = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Set<Integer>> hiddenCategories = new SimpleObjectProperty<>(Set.of());
    private final DoubleProperty pointSize = new SimpleDoubleProperty(PointStyle.DEFAULT.radius());
    private final DoubleProperty pointOpacity = new SimpleDoubleProperty(PointStyle.DEFAULT.opacity());
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty density = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<MapLabels> labels = new ReadOnlyObjectWrapper<>(MapLabels.NONE);
    private final BooleanProperty labelsShown = new SimpleBooleanProperty(true);
    private final ObjectProperty<RowFilter> filter = new SimpleObjectProperty<>(RowFilter.ALL);
    private final ReadOnlyObjectWrapper<BitSet> shownRows = new ReadOnlyObjectWrapper<>(new BitSet());
    private final ReadOnlyObjectWrapper<BitSet> hiddenRows = new ReadOnlyObjectWrapper<>(new BitSet());
    private final ReadOnlyStringWrapper filterSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<int[]> keptCounts = new ReadOnlyObjectWrapper<>(new int[0]);
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(Banner.NONE);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(WAITING);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("embex");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ObservableList<Job<?>> jobs = FXCollections.observableArrayList();
    private final NeighboursViewModel neighbours;
    private final SelectionViewModel selection;
    private final WorkbenchViewModel workbench;
    private final ComparisonViewModel comparison;
    private final TuningViewModel tuning;
    private final DuplicatesViewModel duplicates;
    private final RecommendationsViewModel recommendations;
    private final FilterViewModel filters;
    private final PlacedMapViewModel placedMap;

    /** Every model this corpus was embedded with in this session, for the workbench's overlays. */
    private final Map<String, EmbeddedCorpus> embeddings = new LinkedHashMap<>();
    private Layout pca;
    private Clusters clusters;
    private TopicTree topics;
    private Job<Clustered> clustering;
    private Job<?> mainJob;
    /** The embedding last started; cancelling it once done changes nothing. */
    private Job<?> pendingEmbedding;
    private Job<Layout> layoutJob;
    /** Set while the model follows a newly opened corpus, so that the model's listener does not re-embed the old one. */
    private boolean followingCorpus;

    public ExplorerViewModel(Workspace workspace, Settings settings, JobRunner runner, DialogService dialogs) {
        this.workspace = workspace;
        this.settings = settings;
        this.runner = runner;
        this.dialogs = dialogs;
        this.layouts = Layouts.defaults(workspace);
        this.installedModels = workspace.installedModels();
        this.neighbours = new NeighboursViewModel(this, workspace);
        this.selection = new SelectionViewModel(this);
        this.workbench = new WorkbenchViewModel(this, workspace);
        this.comparison = new ComparisonViewModel(this, workspace);
        this.tuning = new TuningViewModel(this, workspace);
        corpus.addListener((o, was, now) -> tuning.corpusChanged(now));
        this.duplicates = new DuplicatesViewModel(this, workspace);
        this.recommendations = new RecommendationsViewModel(this);
        this.filters = new FilterViewModel(this);
        this.placedMap = new PlacedMapViewModel(runner);

        List<String> installed = installedModels.stream().map(ModelFolder::id).toList();
        models.setAll(installed);
        String remembered = settings.text("model", "all-minilm-l6-v2");
        model.set(installed.contains(remembered) ? remembered : installed.isEmpty() ? null : installed.get(0));
        model.addListener((o, was, now) -> {
            EmbeddedCorpus shown = corpus.get();
            if (followingCorpus || now == null || shown == null) {
                return;
            }
            if (now.equals(shown.model())) {
                // Back to the model on screen: an embedding with another one is no longer wanted.
                cancel(pendingEmbedding);
            } else {
                if (!OwnVectors.fromFile(now)) {
                    // A file's vectors are remembered for that file only (below, when shown), not as the model for every file.
                    settings.setText("model", now);
                }
                embed(shown.spec(), shown.read());
            }
        });
        method.set(LayoutMethod.valueOf(settings.text("method", LayoutMethod.UMAP.name())));
        method.addListener((o, was, now) -> {
            settings.setText("method", now.name());
            if (corpus.get() != null) {
                project(now);
            }
        });
        colourBy.addListener((o, was, now) -> recolour());
        filter.addListener(o -> refilter());
        colouring.addListener(o -> rehide());
        hiddenCategories.addListener(o -> rehide());
        shownRows.addListener(o -> rehide());
        layout.addListener(o -> relabel());
        hiddenRows.addListener(o -> relabel());
        labelsShown.set(settings.flag("labels", true));
        labelsShown.addListener((o, was, now) -> settings.setFlag("labels", now));
        dark.set(settings.flag("dark", false));
        dark.addListener((o, was, now) -> settings.setFlag("dark", now));
    }

    // ---- state ----

    /** The corpus on screen, or null before the first one is ready. */
    public ReadOnlyObjectProperty<EmbeddedCorpus> corpusProperty() {
        return corpus.getReadOnlyProperty();
    }

    public EmbeddedCorpus corpus() {
        return corpus.get();
    }

    /** What the model box says beside a model's id: where its texts go when it runs at an endpoint, else nothing. */
    public String modelBadge(String id) {
        if (OwnVectors.fromFile(id)) {
            return "▦ vectors in the file";
        }
        return installedModel(id).map(EndpointNotice::badge).filter(badge -> !badge.isEmpty()).map(badge -> "⇄ " + badge).orElse("");
    }

    private Optional<ModelFolder> installedModel(String id) {
        return installedModels.stream().filter(folder -> folder.id().equals(id)).findFirst();
    }

    /**
     * Whether texts may go to {@code id}'s endpoint: always for a local model; for an endpoint model
     * once the person said yes for that endpoint (remembered), asked before the first request.
     */
    boolean maySendTexts(String id, String what) {
        Optional<ModelFolder> remote = installedModel(id).filter(folder -> folder.descriptor().remote());
        if (remote.isEmpty()) {
            return true;
        }
        String origin = remote.get().descriptor().endpoint().orElseThrow().origin();
        String key = "endpoint-allowed-" + UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8));
        if (settings.flag(key, false)) {
            return true;
        }
        boolean allowed = dialogs.confirm("Send texts to " + origin + "?", id + " is a model that runs at " + origin
                + ", not on this machine. Embedding with it sends the " + what + " there, and every text embedded with it "
                + "later. Nothing else leaves this machine.", "Send texts");
        if (allowed) {
            settings.setFlag(key, true);
        }
        return allowed;
    }

    /** The installed models, the model box's choices. */
    public ObservableList<String> models() {
        return FXCollections.unmodifiableObservableList(models);
    }

    /** The model chosen; choosing another embeds the corpus on screen with it. */
    public StringProperty modelProperty() {
        return model;
    }

    /** How the map is laid out; choosing another lays the corpus out again. */
    public ObjectProperty<LayoutMethod> methodProperty() {
        return method;
    }

    /** The map on screen: PCA at once, then each snapshot of a forming layout, then the finished one. */
    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ObservableList<String> colourChoices() {
        return FXCollections.unmodifiableObservableList(colourChoices);
    }

    /** What the points are coloured by, one of {@link #colourChoices()}. */
    public StringProperty colourByProperty() {
        return colourBy;
    }

    public ReadOnlyObjectProperty<Colouring> colouringProperty() {
        return colouring.getReadOnlyProperty();
    }

    /** The legend's categories whose points are hidden; a new colouring shows them all again. */
    public ObjectProperty<Set<Integer>> hiddenCategoriesProperty() {
        return hiddenCategories;
    }

    public DoubleProperty pointSizeProperty() {
        return pointSize;
    }

    public DoubleProperty pointOpacityProperty() {
        return pointOpacity;
    }

    /** Whether the map draws its points' density under them: on by itself for a large corpus, switchable. */
    public BooleanProperty densityProperty() {
        return density;
    }

    /** The groups' names to write on the map: the clusters' topic words at every level, or the categories' names. */
    public ReadOnlyObjectProperty<MapLabels> labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    /** Whether the map writes the names (View › Names on the map). */
    public BooleanProperty labelsShownProperty() {
        return labelsShown;
    }

    /** Which rows are looked at: the map, names, neighbours, selection, threshold study and near-duplicates follow it. */
    public ObjectProperty<RowFilter> filterProperty() {
        return filter;
    }

    /** The rows the map does not draw: filtered out, or of a category hidden in the legend. */
    public ReadOnlyObjectProperty<BitSet> hiddenRowsProperty() {
        return hiddenRows.getReadOnlyProperty();
    }

    /** How many rows of each of the colouring's categories the filter keeps, for the legend. */
    public ReadOnlyObjectProperty<int[]> keptCountsProperty() {
        return keptCounts.getReadOnlyProperty();
    }

    /** How many rows the filter keeps, and the filter in {@code --where} words, or empty when it keeps all. */
    public ReadOnlyStringProperty filterSummaryProperty() {
        return filterSummary.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** What the empty map says before the first corpus shows. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** The window's title: the file and the model. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The status line's words when no job speaks for itself; a job's last words stay there when it ends. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Facts about the map: how many texts, which model, how neighbours are found. */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** The jobs the status line follows that still run, the latest last. */
    public ObservableList<Job<?>> jobs() {
        return FXCollections.unmodifiableObservableList(jobs);
    }

    public NeighboursViewModel neighbours() {
        return neighbours;
    }

    public SelectionViewModel selection() {
        return selection;
    }

    public WorkbenchViewModel workbench() {
        return workbench;
    }

    public DuplicatesViewModel duplicates() {
        return duplicates;
    }

    public FilterViewModel filters() {
        return filters;
    }

    public RecommendationsViewModel recommendations() {
        return recommendations;
    }

    /** A map made on Spark, shown in its own window when one is opened. */
    public PlacedMapViewModel placedMap() {
        return placedMap;
    }

    public TuningViewModel tuning() {
        return tuning;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    /** The embedding or reading job last started, for whoever waits on it. */
    public Job<?> mainJob() {
        return mainJob;
    }

    /** The layout job last started (none for PCA, which is there at once). */
    public Job<Layout> layoutJob() {
        return layoutJob;
    }

    /** Files opened lately, newest first. */
    public List<Path> recentFiles() {
        return settings.recentFiles();
    }

    // ---- opening and embedding ----

    /** Asks for a corpus file, then how to read it, then opens it. */
    public void openWithChooser() {
        dialogs.chooseCorpus(settings.recentFiles().stream().findFirst().map(Path::getParent)).ifPresent(this::chooseColumns);
    }

    /** Asks how to read {@code file} (the import dialog), then opens it as the person settled; a Spark map opens as it is. */
    public void chooseColumns(Path file) {
        if (PlacedMapViewModel.shows(file)) {
            open(file);
            return;
        }
        dialogs.chooseColumns(file).ifPresent(this::open);
    }

    /** Opens {@code file} read as its extension says, its columns guessed (the window's first corpus). */
    public Job<?> open(Path file) {
        return open(CorpusSpec.defaults(file));
    }

    /**
     * A file as read, with the vectors it brings ({@code file:COLUMN} references), if any, the model
     * that follows it, and the corpus opened from the cache alone when it held every vector.
     */
    private record Reading(Corpus corpus, List<String> ownVectors, Optional<String> model, Optional<Opened> opened) {
    }

    /**
     * Reads and embeds a corpus; the one on screen stays until the new one is ready. A corpus the
     * cache holds whole, for a model on this machine, is opened in the reading job itself, map and
     * all: the window opens its first corpus while its controls are still being built, without
     * waiting for the UI thread in between.
     */
    public Job<?> open(CorpusSpec spec) {
        Path name = spec.file().getFileName();
        if (PlacedMapViewModel.shows(spec.file())) {
            // A map made on Spark: too large to embed here, and placed already. It opens in a window of its own.
            if (corpus.get() == null) {
                placeholder.set(name + " is a map made by the Spark map job: it opens in a window of its own, from its places,"
                        + " the vectors left in the file.\n\nOpen a corpus here to embed and explore it (File › Open).");
            }
            return placedMap.open(spec).whenFailed(error -> failed("Could not open " + name, error));
        }
        Optional<String> lastUsed = Optional.ofNullable(settings.text(modelKey(spec.file()), null));
        LayoutMethod wanted = method.get();
        if (corpus.get() == null) {
            placeholder.set("Opening " + name + "…\n\nThe map appears as soon as the texts are embedded. "
                    + "The vectors are cached, so the next time it opens at once.");
        }
        Job<Reading> reading = startMain("Reading " + name, "rows", job -> {
            Corpus read = spec.read();
            List<String> ownVectors = OwnVectors.offered(spec, read);
            Optional<String> follows = modelFor(read, lastUsed, ownVectors);
            Optional<Opened> opened = follows.filter(this::runsHere)
                    .flatMap(id -> CorpusEmbedding.fromCache(workspace, spec, read, id))
                    .map(embedded -> opened(embedded, wanted, job));
            return new Reading(read, ownVectors, follows, opened);
        });
        reading.whenDone(read -> {
            settings.addRecentFile(spec.file());
            offerOwnVectors(read.ownVectors());
            read.model().ifPresent(this::chooseQuietly);
            read.opened().ifPresentOrElse(this::show, () -> embed(spec, read.corpus()));
        });
        reading.whenFailed(error -> {
            if (corpus.get() == null) {
                placeholder.set(WAITING);
            }
            failed("Could not open " + name, error);
        });
        return reading;
    }

    /**
     * The model that follows a corpus: the one last used on this file, else an installed model that
     * reads its script (MiniLM for English, bge-small-zh for Chinese); empty leaves the model box as
     * it is. It is chosen without re-embedding the corpus still on screen.
     */
    private Optional<String> modelFor(Corpus read, Optional<String> lastUsed, List<String> ownVectors) {
        if (lastUsed.filter(ownVectors::contains).isPresent()) {
            return lastUsed;
        }
        if (lastUsed.isEmpty() && !ownVectors.isEmpty()) {
            // A file that brings vectors opens with them: they were made at a cost, to be looked at.
            return Optional.of(ownVectors.get(0));
        }
        return ModelChoice.forCorpus(installedModels, read, lastUsed.filter(used -> !OwnVectors.fromFile(used)));
    }

    /** Whether {@code id} is an installed model that runs on this machine (not at an endpoint). */
    private boolean runsHere(String id) {
        return installedModel(id).filter(folder -> !folder.descriptor().remote()).isPresent();
    }

    /** The model box lists the installed models and, while its file is open, the vectors it brings. */
    private void offerOwnVectors(List<String> ownVectors) {
        List<String> choices = new ArrayList<>(installedModels.stream().map(ModelFolder::id).toList());
        choices.addAll(ownVectors);
        if (!choices.equals(models)) {
            String current = model.get();
            followingCorpus = true;
            try {
                models.setAll(choices);
            } finally {
                followingCorpus = false;
            }
            if (current != null && !choices.contains(current)) {
                // The last file's vectors are gone from the box: back to the model last chosen by hand.
                String remembered = settings.text("model", "all-minilm-l6-v2");
                chooseQuietly(choices.contains(remembered) ? remembered : choices.isEmpty() ? null : choices.get(0));
            }
        }
    }

    /** Sets the model box without the re-embedding a person's choice starts. */
    private void chooseQuietly(String id) {
        followingCorpus = true;
        try {
            model.set(id);
        } finally {
            followingCorpus = false;
        }
    }

    /** The preferences key of the model last used on {@code file} (keys are short: a hash of the path). */
    private static String modelKey(Path file) {
        return "model-for-" + UUID.nameUUIDFromBytes(file.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private void embed(CorpusSpec spec, Corpus read) {
        String chosen = model.get();
        if (chosen == null) {
            failed("No model installed", new EmbexException("install one with ./embex models install all-minilm-l6-v2"));
            return;
        }
        if (!maySendTexts(chosen, read.rows().size() + " texts of " + spec.file().getFileName())) {
            say("Nothing was sent. " + chosen + " runs at an endpoint; pick a local model to embed on this machine.");
            if (corpus.get() != null) {
                chooseQuietly(corpus.get().model());
            }
            return;
        }
        LayoutMethod wanted = method.get();
        Job<Opened> embedding = startMain("Embedding with " + chosen, "texts", job -> {
            job.say("Loading " + chosen + " and looking up " + read.rows().size() + " texts in the cache…");
            return opened(CorpusEmbedding.embed(workspace, spec, read, chosen, job.progress(), job.cancellation()), wanted, job);
        });
        pendingEmbedding = embedding;
        embedding.whenDone(this::show);
        embedding.whenFailed(error -> {
            backToShownModel(embedding);
            failed("Embedding failed", error);
        });
        embedding.whenCancelled(() -> {
            say("Embedding cancelled. Vectors already computed stay in the cache; opening again resumes there.");
            backToShownModel(embedding);
        });
    }

    /**
     * After an embedding that did not finish, and that no later job replaced, the model names the
     * model of the map on screen again. Later, not at once: a cancel can come from inside a change
     * of the model, and a model box bound to it would miss a change made during its own.
     */
    private void backToShownModel(Job<?> unfinished) {
        if (mainJob == unfinished) {
            runner.later(() -> {
                if (corpus.get() != null && mainJob == unfinished) {
                    chooseQuietly(corpus.get().model());
                }
            });
        }
    }

    /** An embedded corpus with its first map: the one the cache keeps for {@code wanted}, else its PCA, made now. */
    private Opened opened(EmbeddedCorpus embedded, LayoutMethod wanted, Job<?> job) {
        // A map the cache keeps is the first one shown: no PCA map to flash by before it.
        Optional<Layout> kept = wanted == LayoutMethod.PCA ? Optional.empty() : layouts.cached(embedded, wanted);
        if (kept.isEmpty()) {
            job.say("PCA of " + embedded.size() + " points…");
        }
        Optional<Layout> pca = kept.isPresent() ? Optional.empty() : Optional.of(layouts.quick(embedded));
        return new Opened(embedded, pca, kept.orElseGet(pca::get),
                ModelChoice.warnings(workspace, embedded), ModelChoice.advice(workspace.catalogueModels(), embedded));
    }

    /**
     * An embedded corpus, its first map (the cached one of the chosen method, else its PCA), its PCA
     * when that was made, and what to tell about how the model read it.
     */
    private record Opened(EmbeddedCorpus corpus, Optional<Layout> pca, Layout first, List<String> modelWarnings,
                          Optional<ModelChoice.Advice> advice) {
    }

    /**
     * Puts a new corpus on screen in three turns of the UI thread (map, then colours and legend,
     * then the layout), so that no turn holds it long enough to be felt.
     */
    private void show(Opened opened) {
        cancel(layoutJob);
        layoutJob = null;
        neighbours.cancelIndexing();
        cancel(clustering);
        clustering = null;
        EmbeddedCorpus previous = corpus.get();
        if (previous == null || !previous.spec().equals(opened.corpus().spec())) {
            embeddings.clear();
        }
        EmbeddedCorpus shown = opened.corpus();
        embeddings.put(shown.model(), shown);
        pca = opened.pca().orElse(null);
        clusters = null;
        topics = null;
        filters.reset(shown);
        corpus.set(shown);
        if (filter.get().all()) {
            refilter();
        } else {
            // Another corpus has other columns: its filter starts empty.
            filter.set(RowFilter.ALL);
        }
        layout.set(opened.first());
        selection.clear();
        PointStyle style = PointStyle.forPoints(shown.size());
        pointSize.set(style.radius());
        pointOpacity.set(style.opacity());
        density.set(DensityLayer.onByDefault(shown.size()));
        // Rows left out by "skip rows that do not fit" are said first, in the commands' words.
        List<String> warnings = new ArrayList<>(shown.corpus().skippedSummary(SKIPPED_SHOWN).stream().toList());
        warnings.addAll(opened.modelWarnings());
        banner.set(new Banner(String.join("\n", warnings), opened.advice().flatMap(ModelChoice.Advice::switchTo)));
        settings.setText(modelKey(shown.spec().file()), shown.model());
        chooseQuietly(shown.model());
        title.set("embex — " + shown.spec().file().getFileName() + " · " + shown.model());
        facts.set(String.format("%,d texts · %s", shown.size(), shown.model()));
        neighbours.reset();
        duplicates.reset();
        recommendations.reset();
        runner.later(() -> {
            if (corpus.get() == shown) {
                offerColourings();
                runner.later(() -> {
                    if (corpus.get() == shown) {
                        project(method.get());
                    }
                });
            }
        });
    }

    /** The banner's switch: embeds the corpus with the installed model that reads it. */
    public void switchModel() {
        banner.get().switchTo().ifPresent(model::set);
    }

    /** Hides the banner until the next corpus or model. */
    public void dismissBanner() {
        banner.set(Banner.NONE);
    }

    // ---- the map ----

    private void project(LayoutMethod chosen) {
        cancel(layoutJob);
        layoutJob = null;
        EmbeddedCorpus shown = corpus.get();
        if (chosen == LayoutMethod.PCA) {
            if (pca != null) {
                showPca(pca);
                return;
            }
            // The corpus opened on a kept map, so its PCA was not made then.
            Job<Layout> principal = startBeside("PCA", "points", job -> layouts.quick(shown));
            principal.whenDone(made -> {
                if (corpus.get() == shown) {
                    pca = made;
                    showPca(made);
                }
            });
            principal.whenFailed(error -> failed("PCA failed", error));
            layoutJob = principal;
            return;
        }
        Job<Layout> projecting = startBeside(chosen.label(), "iterations", job -> layouts.make(shown, chosen,
                new LayoutSnapshots(runner, job, snapshot -> {
                    if (corpus.get() == shown && !job.isDone()) {
                        layout.set(snapshot);
                    }
                }).watch()).layout());
        projecting.whenDone(made -> {
            if (corpus.get() == shown) {
                layout.set(made);
                say(String.format("%s map of %,d points", chosen.label(), shown.size()));
            }
        });
        projecting.whenFailed(error -> failed(chosen.label() + " failed", error));
        projecting.whenCancelled(() -> say(chosen.label() + " cancelled; the map shows where it stopped."));
        layoutJob = projecting;
    }

    private void showPca(Layout made) {
        layout.set(made);
        say(String.format("PCA map of %,d points", made.points()));
    }

    private void offerColourings() {
        EmbeddedCorpus shown = corpus.get();
        List<String> choices = new ArrayList<>();
        if (shown.labelled()) {
            choices.add(COLOUR_LABEL);
        }
        choices.add(COLOUR_CLUSTER);
        shown.corpus().rows().stream().flatMap(row -> row.metadata().keySet().stream()).distinct().limit(20).forEach(choices::add);
        choices.add(COLOUR_QUERY);
        choices.add(COLOUR_NONE);
        String previous = colourBy.get();
        String next = previous != null && choices.contains(previous) && !previous.equals(COLOUR_QUERY) ? previous : choices.get(0);
        colourChoices.setAll(choices);
        if (next.equals(colourBy.get())) {
            recolour();
        } else {
            // The listener recolours.
            colourBy.set(next);
        }
    }

    private void recolour() {
        String choice = colourBy.get();
        EmbeddedCorpus shown = corpus.get();
        if (shown == null || choice == null) {
            return;
        }
        Colouring next;
        switch (choice) {
            case COLOUR_LABEL -> next = ColourBy.label(shown);
            case COLOUR_NONE -> next = Colouring.uniform(shown.size());
            case COLOUR_CLUSTER -> {
                if (clusters == null) {
                    computeClusters();
                    return;
                }
                next = ColourBy.clusters(clusters);
            }
            case COLOUR_QUERY -> {
                Optional<NeighboursViewModel.Asked> asked = neighbours.asked();
                Metric used = neighbours.metricProperty().get();
                if (asked.isEmpty()) {
                    say("Type a query (or click a point) to colour the map by similarity to it.");
                    next = Colouring.uniform(shown.size());
                } else {
                    next = Colouring.scores(used.label() + " to “" + Words.shorten(asked.get().text(), 40) + "”",
                            shown.scores(asked.get().vector(), used));
                }
            }
            case COLOUR_DUPLICATES -> next = duplicates.groupNames().map(ColourBy::duplicateGroups)
                    .orElseGet(() -> Colouring.uniform(shown.size()));
            default -> next = ColourBy.column(shown, choice);
        }
        hiddenCategories.set(Set.of());
        colouring.set(next);
    }

    private void computeClusters() {
        if (clustering != null && !clustering.isDone()) {
            return;
        }
        EmbeddedCorpus shown = corpus.get();
        clustering = runner.start("k-means, k = " + Clusters.defaultCount(shown.size()), "points", job -> {
            Clusters made = Clusters.of(shown);
            return new Clustered(made, made.tree(shown));
        });
        clustering.whenDone(made -> {
            if (corpus.get() == shown) {
                clusters = made.clusters();
                topics = made.topics();
                recolour();
            }
        });
        clustering.whenFailed(error -> failed("Clustering failed", error));
    }

    private record Clustered(Clusters clusters, TopicTree topics) {
    }

    private void refilter() {
        EmbeddedCorpus shown = corpus.get();
        if (shown == null) {
            return;
        }
        BitSet passing;
        if (filter.get().all()) {
            passing = new BitSet(shown.size());
            passing.set(0, shown.size());
            filterSummary.set("");
        } else {
            passing = filter.get().matches(shown.corpus());
            filterSummary.set(String.format("%,d of %,d texts pass %s", passing.cardinality(), shown.size(), filter.get().describe()));
        }
        shownRows.set(passing);
        selection.keepOnly(passing);
        neighbours.filterChanged();
    }

    private void rehide() {
        Colouring shown = colouring.get();
        BitSet passing = shownRows.get();
        BitSet hidden = new BitSet();
        if (shown != null) {
            int[] kept = new int[shown.categories().size()];
            passing.stream().filter(row -> row < shown.points()).forEach(row -> kept[shown.categoryOf()[row]]++);
            keptCounts.set(kept);
            hidden.set(0, shown.points());
            hidden.andNot(passing);
            hidden.or(shown.pointsIn(hiddenCategories.get()));
        }
        hiddenRows.set(hidden);
    }

    /** The rows the filter keeps. */
    BitSet shownRows() {
        return (BitSet) shownRows.get().clone();
    }

    /**
     * The filter's rows of {@code whole}, for a use case that should see only them, and each of
     * their numbers in the whole (null when the filter keeps every row).
     */
    Filtered filtered(EmbeddedCorpus whole) {
        RowFilter kept = filter.get();
        return kept.all() ? new Filtered(whole, null) : new Filtered(whole.subset(kept), kept.matches(whole.corpus()).stream().toArray());
    }

    /** A corpus narrowed by the filter, with each of its rows' number in the whole, or null when it is the whole. */
    record Filtered(EmbeddedCorpus corpus, int[] original) {

        int row(int index) {
            return original == null ? index : original[index];
        }
    }

    /**
     * Names the groups of the colouring on screen where their shown rows are: the cluster colouring
     * by its topic tree (clusters of clusters when zoomed out), another by its categories' names.
     */
    private void relabel() {
        Colouring shown = colouring.get();
        Layout where = layout.get();
        if (shown == null || where == null || shown.points() != where.points()) {
            labels.set(MapLabels.NONE);
            return;
        }
        BitSet notShown = hiddenRows.get();
        if (COLOUR_CLUSTER.equals(colourBy.get()) && topics != null && clusters.assignments().length == where.points()) {
            int[] assignments = clusters.assignments().clone();
            notShown.stream().forEach(i -> assignments[i] = -1);
            labels.set(MapLabels.of(where, topics, assignments));
        } else {
            labels.set(MapLabels.of(where, shown, notShown));
        }
    }

    /** Near-duplicates were found: the map is coloured by their groups, a choice the colour box keeps offering. */
    void showDuplicateGroups() {
        if (!colourChoices.contains(COLOUR_DUPLICATES)) {
            colourChoices.add(Math.max(0, colourChoices.indexOf(COLOUR_QUERY)), COLOUR_DUPLICATES);
        }
        if (COLOUR_DUPLICATES.equals(colourBy.get())) {
            recolour();
        } else {
            colourBy.set(COLOUR_DUPLICATES);
        }
    }

    /** What the map's tooltip says of a point: its text, label and cluster. */
    public String describe(int index) {
        TextRow row = corpus.get().row(index);
        String label = row.label() == null || row.label().isEmpty() ? "" : "\n— " + row.label();
        String cluster = clusters == null ? "" : "\n— cluster " + clusters.names().get(index);
        return Words.shorten(row.text(), 280) + label + cluster;
    }

    /** Esc: no selection, no neighbours. */
    public void clearSelection() {
        selection.clear();
        neighbours.clear();
    }

    /** What the neighbours were asked about changed: a colouring by similarity to it follows. */
    void askedChanged() {
        if (COLOUR_QUERY.equals(colourBy.get())) {
            recolour();
        }
    }

    /** The clusters of the corpus on screen, once computed. */
    Clusters clusters() {
        return clusters;
    }

    // ---- jobs, words and errors, for this view model and the tools' ----

    /** Starts the job the person waits for: a new one cancels the one before. */
    <T> Job<T> startMain(String jobTitle, String unit, Job.Work<T> work) {
        Job<?> previous = mainJob;
        Job<T> job = runner.start(jobTitle, unit, work);
        // The new job is the main one before the old one hears of its cancel, so the old one can tell it was replaced.
        mainJob = job;
        follow(job);
        cancel(previous);
        return job;
    }

    /** Starts work the person does not wait on. */
    <T> Job<T> start(String jobTitle, String unit, Job.Work<T> work) {
        return runner.start(jobTitle, unit, work);
    }

    /** Starts work beside the main job that the status line follows (and Cancel reaches) until it ends. */
    <T> Job<T> startBeside(String jobTitle, String unit, Job.Work<T> work) {
        Job<T> job = runner.start(jobTitle, unit, work);
        follow(job);
        return job;
    }

    void facts(String text) {
        facts.set(text);
    }

    /** The status line follows {@code job} until it ends; its last words stay there. */
    private void follow(Job<?> job) {
        jobs.add(job);
        job.stateProperty().addListener((o, was, now) -> {
            if (now != Job.State.RUNNING && jobs.remove(job) && jobs.isEmpty()) {
                status.set(job.messageProperty().get());
            }
        });
    }

    private static void cancel(Job<?> job) {
        if (job != null) {
            job.cancel();
        }
    }

    /** Puts {@code words} on the status line. */
    void say(String words) {
        status.set(words);
    }

    /** Tells the person what failed, on the status line and in a dialog; a cancel is no failure. */
    void failed(String what, Throwable error) {
        if (error instanceof CancelledException) {
            return;
        }
        String detail = error == null ? "unknown error" : error.getMessage() == null ? error.toString() : error.getMessage();
        say(what + ": " + detail);
        dialogs.showError(what, detail);
    }

    DialogService dialogs() {
        return dialogs;
    }

    /** Every model this corpus was embedded with in this session, the one on screen first. */
    List<EmbeddedCorpus> embeddings() {
        List<EmbeddedCorpus> all = new ArrayList<>();
        EmbeddedCorpus shown = corpus.get();
        if (shown != null) {
            all.add(shown);
        }
        embeddings.values().stream().filter(e -> e != shown).forEach(all::add);
        return all;
    }

    /** Keeps another model's embedding of the corpus on screen, for the workbench's overlays. */
    void addEmbedding(EmbeddedCorpus other) {
        if (corpus.get() != null && other.spec().equals(corpus.get().spec())) {
            embeddings.putIfAbsent(other.model(), other);
        }
    }

    /** Stops the background work; the workspace stays open for whoever owns it. */
    public void close() {
        cancel(mainJob);
        cancel(layoutJob);
        neighbours.cancelIndexing();
        cancel(clustering);
        placedMap.close();
    }
}
