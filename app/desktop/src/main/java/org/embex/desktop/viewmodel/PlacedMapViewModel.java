package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.embex.corpus.TextRow;
import org.embex.desktop.map.Colouring;
import org.embex.layout.Layout;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.PlacedMap;
import org.embex.vectors.Neighbour;

/**
 * A map made on Spark, too large to embed or hold the vectors of, as its window shows it: the rows
 * at the places the map job gave them, coloured by its clusters, and a clicked row's neighbours
 * scored in the file on a worker thread ({@link PlacedMap}). The vectors are never loaded.
 */
public final class PlacedMapViewModel implements AutoCloseable {

    /** Neighbours listed for a click, as in the explorer's pane. */
    public static final int NEIGHBOURS = 10;

    private final JobRunner runner;
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Colouring> colouring = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("embex — map");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Click a point for its nearest texts.");
    private final ReadOnlyObjectWrapper<Integer> focus = new ReadOnlyObjectWrapper<>(-1);
    private final ObservableList<NeighbourRow> neighbours = FXCollections.observableArrayList();
    private Job<List<Neighbour>> search;
    /** The map on screen, or null. */
    private PlacedMap map;
    /** The latest open: an earlier one that ends after it is not shown. */
    private Job<PlacedMap> opening;

    public PlacedMapViewModel(JobRunner runner) {
        this.runner = runner;
    }

    /** Whether {@code file} is a map this view model shows rather than a corpus for the explorer. */
    public static boolean shows(Path file) {
        return PlacedMap.isMap(file);
    }

    /** Reads the map's rows and places off the UI thread; the map on screen stays until the new one is read. */
    public Job<PlacedMap> open(CorpusSpec spec) {
        Path file = spec.file();
        Job<PlacedMap> reading = runner.start("Reading " + file.getFileName(), "rows", running -> PlacedMap.open(spec));
        opening = reading;
        job.set(reading);
        status.set("Reading the rows and places of " + file.getFileName() + "…");
        reading.whenFailed(error -> {
            if (reading == opening) {
                status.set("Could not open " + file.getFileName() + ": " + error.getMessage());
            }
        });
        reading.whenDone(opened -> {
            if (reading != opening) {
                // A later open superseded this one: its map is not shown, and not kept.
                closeAway(opened);
                return;
            }
            PlacedMap previous = map;
            // A click's search on the map being replaced no longer answers anything on screen.
            if (search != null && !search.isDone()) {
                search.cancel();
            }
            search = null;
            List<String> clusters = Arrays.stream(opened.clusters()).mapToObj(cluster -> "cluster " + cluster).toList();
            colouring.set(Colouring.categorical("Cluster (map job)", clusters));
            neighbours.clear();
            focus.set(-1);
            map = opened;
            layout.set(opened.layout());
            title.set(String.format("embex — %s · %,d rows placed by the map job", file.getFileName(), opened.corpus().rows().size()));
            heading.set("Click a point for its nearest texts, scored from the vectors in the file.");
            status.set(String.format("%,d rows at the places the map job gave them · the vectors stay in %s, read for a click's"
                    + " neighbours", opened.corpus().rows().size(), file.getFileName()));
            if (previous != null) {
                closeAway(previous);
            }
        });
        return reading;
    }

    /** Closes a map off the UI thread: closing waits for a search still scanning its file. */
    private void closeAway(PlacedMap unused) {
        runner.start("Closing a map", "maps", running -> {
            unused.close();
            return null;
        });
    }

    /** Row {@code index}'s neighbours, scored in the file; a click before the last one's answer cancels that one. */
    public void select(int index) {
        PlacedMap shown = map;
        if (shown == null || index < 0) {
            return;
        }
        if (search != null && !search.isDone()) {
            search.cancel();
        }
        focus.set(index);
        TextRow row = shown.corpus().rows().get(index);
        heading.set("Scoring every vector in the file against “" + row.text() + "”…");
        status.set("Scoring every vector in the file…");
        long started = System.nanoTime();
        search = runner.start("Nearest texts in the file", "rows", running -> shown.neighbours(index, NEIGHBOURS));
        job.set(search);
        Job<List<Neighbour>> asked = search;
        search.whenDone(found -> {
            if (asked != search || shown != map) {
                return;
            }
            List<NeighbourRow> rows = new ArrayList<>(found.size());
            for (int rank = 0; rank < found.size(); rank++) {
                TextRow neighbour = shown.corpus().rows().get(found.get(rank).index());
                rows.add(new NeighbourRow(rank + 1, found.get(rank).index(), neighbour.text(), neighbour.label(), found.get(rank).score()));
            }
            neighbours.setAll(rows);
            heading.set("Nearest to “" + row.text() + "” (cosine, every row of the file scored)");
            status.set(String.format("%,d vectors scored in the file in %.2f s", shown.rowsInFile(),
                    (System.nanoTime() - started) / 1e9));
        });
        search.whenFailed(error -> {
            if (asked != search || shown != map) {
                return;
            }
            heading.set("Could not score the file: " + error.getMessage());
            status.set("");
        });
    }

    /** The row's text and label, for the map's hover. */
    public String describe(int index) {
        PlacedMap shown = map;
        if (shown == null || index < 0) {
            return "";
        }
        TextRow row = shown.corpus().rows().get(index);
        return row.label() == null || row.label().isEmpty() ? row.text() : row.text() + "\n— " + row.label();
    }

    /** The places of the map on screen; null before the first is read. */
    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Colouring> colouringProperty() {
        return colouring.getReadOnlyProperty();
    }

    /** The job running or last run: reading the map, or a click's search. */
    public ReadOnlyObjectProperty<Job<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the window shows and what the last job did, for the status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The clicked row, or -1. */
    public ReadOnlyObjectProperty<Integer> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public ObservableList<NeighbourRow> neighbours() {
        return neighbours;
    }

    @Override
    public void close() {
        if (search != null && !search.isDone()) {
            search.cancel();
        }
        if (map != null) {
            map.close();
        }
    }
}
