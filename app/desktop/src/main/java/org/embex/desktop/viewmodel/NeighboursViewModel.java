package org.embex.desktop.viewmodel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.embex.corpus.TextRow;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.QueryPlacement;
import org.embex.usecase.OwnVectors;
import org.embex.usecase.QueryModel;
import org.embex.usecase.Search;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;

/**
 * The nearest texts to a clicked point or a typed query, over the corpus on screen: how many and
 * by which metric, the list and what the map marks for it, and the map's centring on a row. For a
 * corpus too large to score at every click it builds the graph index beside the map.
 */
public final class NeighboursViewModel {

    /** What the neighbours were asked about, for a colouring by similarity to it. */
    public record Asked(String text, float[] vector) {
    }

    private final ExplorerViewModel explorer;
    private final Workspace workspace;
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.COSINE);
    private final ReadOnlyObjectWrapper<NeighbourList> neighbours = new ReadOnlyObjectWrapper<>(NeighbourList.NONE);
    private final ReadOnlyObjectWrapper<Centring> centring = new ReadOnlyObjectWrapper<>();
    private Asked asked;
    private int focus = -1;
    private long centred;
    private Job<?> indexJob;

    /** The corpus on screen with a query model checked for its file's vectors, and the corpus it was checked for. */
    private EmbeddedCorpus claimed;
    private EmbeddedCorpus claimedFor;

    NeighboursViewModel(ExplorerViewModel explorer, Workspace workspace) {
        this.explorer = explorer;
        this.workspace = workspace;
        k.addListener((o, was, now) -> optionsChanged());
        metric.addListener((o, was, now) -> optionsChanged());
    }

    /** How many neighbours to list. */
    public IntegerProperty kProperty() {
        return k;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public ReadOnlyObjectProperty<NeighbourList> neighboursProperty() {
        return neighbours.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Centring> centringProperty() {
        return centring.getReadOnlyProperty();
    }

    /** The point or query the list is of, if any. */
    Optional<Asked> asked() {
        return Optional.ofNullable(asked);
    }

    /** A point clicked on the map: its nearest texts are listed and marked. */
    public void pickPoint(int index) {
        EmbeddedCorpus shown = explorer.corpus();
        if (shown == null || index < 0 || index >= shown.size()) {
            return;
        }
        focus = index;
        asked = new Asked(shown.row(index).text(), shown.vectors().row(index));
        List<Neighbour> found = shown.neighbours(index, k.get(), metric.get(), explorer.shownRows());
        show("Nearest to “" + Words.shorten(asked.text(), 120) + "”", found, index, null);
    }

    /** Points the map at a row picked elsewhere (the workbench's lists): centred, ringed, its neighbours listed. */
    public void pickRow(int row) {
        if (explorer.corpus() != null && row >= 0 && row < explorer.corpus().size()) {
            centreOn(row);
            pickPoint(row);
        }
    }

    /** Brings a row to the middle of the map. */
    public void centreOn(int row) {
        centring.set(new Centring(row, ++centred));
    }

    /** Embeds a typed query and lists the texts nearest to it; the map marks where it would land. */
    public void query(String text) {
        EmbeddedCorpus shown = explorer.corpus();
        if (shown == null || text == null || text.isBlank()) {
            return;
        }
        String question = text.strip();
        int count = k.get();
        Metric chosen = metric.get();
        EmbeddedCorpus asking = claimed != null && claimedFor == shown ? claimed : shown;
        if (QueryModel.needed(asking)) {
            askForQueryModel(shown, question);
            return;
        }
        Job<Search.Hits> embedding = explorer.start("Embedding the query", "texts",
                job -> Search.query(workspace, asking, question, count, chosen));
        embedding.whenDone(hits -> {
            if (explorer.corpus() == shown) {
                focus = -1;
                asked = new Asked(question, hits.query().vector());
                BitSet passing = explorer.shownRows();
                showQuery(passing.cardinality() >= shown.size() ? hits.neighbours()
                        : shown.neighbours(asked.vector(), count, chosen, passing));
            }
        });
        embedding.whenFailed(error -> explorer.failed("Could not embed the query", error));
    }

    /**
     * Vectors from a file carry no model to embed a query: the person names the installed model that
     * made them, embex checks it on a sample of the texts, and asks the query once the check holds.
     */
    private void askForQueryModel(EmbeddedCorpus shown, String question) {
        List<String> models = explorer.models().stream().filter(id -> !OwnVectors.fromFile(id)).toList();
        if (models.isEmpty()) {
            explorer.say(QueryModel.missing(shown) + "; no model is installed (./embex models install all-minilm-l6-v2).");
            return;
        }
        explorer.dialogs().choose("Query model", QueryModel.missing(shown) + ". Which model made them?", models).ifPresent(chosen -> {
            // The check embeds some of the corpus's texts: an endpoint model is asked about first, as everywhere.
            if (!explorer.maySendTexts(chosen, QueryModel.SAMPLE + " texts of " + shown.spec().file().getFileName())) {
                explorer.say("Nothing was sent. " + chosen + " runs at an endpoint.");
                return;
            }
            Job<EmbeddedCorpus> checking = explorer.start("Checking " + chosen + " against the file's vectors", "texts",
                    job -> QueryModel.claim(workspace, shown, chosen, job.progress(), job.cancellation()));
            checking.whenDone(ready -> {
                if (explorer.corpus() == shown) {
                    claimedFor = shown;
                    claimed = ready;
                    explorer.say("Queries are embedded with " + chosen + ": it gives the file's vectors.");
                    query(question);
                }
            });
            checking.whenFailed(error -> explorer.failed("Not the model that made these vectors", error));
        });
    }

    /** No list, nothing asked (Esc, or a new corpus). */
    public void clear() {
        EmbeddedCorpus shown = explorer.corpus();
        boolean noQueryModel = shown != null && QueryModel.needed(shown) && claimedFor != shown;
        neighbours.set(noQueryModel ? NeighbourList.NONE_WITHOUT_QUERY_MODEL : NeighbourList.NONE);
    }

    /** A new corpus: nothing asked of it yet, and its index is built when it wants one. */
    void reset() {
        cancelIndexing();
        // The query model was checked for the corpus before; holding it would keep that corpus's vectors alive.
        claimed = null;
        claimedFor = null;
        asked = null;
        focus = -1;
        clear();
        index();
    }

    void cancelIndexing() {
        if (indexJob != null) {
            indexJob.cancel();
            indexJob = null;
        }
    }

    private void showQuery(List<Neighbour> found) {
        double[] where = found.isEmpty() ? null : QueryPlacement.place(explorer.layoutProperty().get(), found);
        show("Nearest to the query “" + Words.shorten(asked.text(), 120) + "”", found, -1, where);
    }

    /** The filter changed: what was asked is answered again among the rows it keeps. */
    void filterChanged() {
        refresh();
    }

    private void optionsChanged() {
        refresh();
        index();
    }

    private void refresh() {
        if (explorer.corpus() == null || asked == null) {
            return;
        }
        if (focus >= 0) {
            pickPoint(focus);
        } else {
            showQuery(explorer.corpus().neighbours(asked.vector(), k.get(), metric.get(), explorer.shownRows()));
        }
    }

    /**
     * The corpus on screen searches by another setting (one kept or forgotten in the tuning view):
     * the index being built for the old one is stopped, and the new one built if it wants one.
     */
    void searchSettingChanged() {
        if (indexJob != null && !indexJob.isDone()) {
            indexJob.cancel();
        }
        indexJob = null;
        index();
    }

    /**
     * Builds the graph index of a corpus too large to score at every click, for the metric in use,
     * beside the map; neighbours stay exact (and slower) until it is ready.
     */
    private void index() {
        EmbeddedCorpus shown = explorer.corpus();
        Metric chosen = metric.get();
        if (shown == null || !shown.wantsIndex() || shown.indexed(chosen) || indexJob != null && !indexJob.isDone()) {
            return;
        }
        Job<Boolean> indexing = explorer.startBeside(String.format("Indexing %,d texts for neighbour search (%s)", shown.size(),
                chosen.label()), "rounds", job -> Search.index(workspace, shown, chosen, job.progress()));
        indexing.whenDone(cached -> {
            if (explorer.corpus() == shown) {
                explorer.facts(String.format("%,d texts · %s · neighbours from the graph index (%s%s)", shown.size(),
                        shown.model(), chosen.label(), cached ? ", cached" : ""));
                // The metric may have changed while this one was built.
                index();
            }
        });
        indexing.whenFailed(error -> explorer.failed("Indexing for neighbour search failed", error));
        indexJob = indexing;
    }

    private void show(String heading, List<Neighbour> found, int focusPoint, double[] queryPoint) {
        List<NeighbourRow> rows = new ArrayList<>();
        Metric used = metric.get();
        for (Neighbour neighbour : found) {
            TextRow row = explorer.corpus().row(neighbour.index());
            double score = used == Metric.L2 ? -neighbour.score() : neighbour.score();
            rows.add(new NeighbourRow(rows.size() + 1, neighbour.index(), row.text(), row.label(), score));
        }
        String measure = used == Metric.L2 ? " (L2 distance)" : " (" + used.label() + ")";
        neighbours.set(new NeighbourList(heading + measure, rows, focusPoint,
                found.stream().mapToInt(Neighbour::index).toArray(), queryPoint));
        explorer.askedChanged();
    }
}
