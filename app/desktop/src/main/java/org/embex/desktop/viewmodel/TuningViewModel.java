package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.embex.Seed;
import org.embex.embed.BatchSweep;
import org.embex.embed.EmbedderOptions;
import org.embex.neighbours.IndexSweep;
import org.embex.neighbours.SearchSetting;
import org.embex.usecase.BatchTuning;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.IndexTuning;
import org.embex.usecase.KeptEmbedders;
import org.embex.usecase.KeptSearches;
import org.embex.usecase.ModelLineup;
import org.embex.usecase.OwnVectors;
import org.embex.usecase.PairColumns;
import org.embex.usecase.Workspace;

/**
 * The trade-offs measured on the corpus on screen ({@code tune} in the window): the search index's
 * sweep and the setting kept for the corpus's searches, the batch sweep and the setting kept for the
 * model's embeddings, and every installed model's speed against quality.
 */
public final class TuningViewModel {

    /** A sweep and the corpus it measured, whose searches a kept setting changes. */
    public record Tuned(EmbeddedCorpus corpus, IndexSweep sweep) {
    }

    /** Every installed model measured on a corpus. */
    public record Lineup(EmbeddedCorpus corpus, List<ModelLineup.Entry> entries) {
    }

    /** A batch sweep and the corpus whose model it measured. */
    public record Batched(EmbeddedCorpus corpus, BatchSweep sweep) {
    }

    private final ExplorerViewModel explorer;
    private final Workspace workspace;
    private final ReadOnlyObjectWrapper<Tuned> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Optional<SearchSetting>> kept = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Batched> batched = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Lineup> lineup = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Optional<EmbedderOptions>> keptBatch = new ReadOnlyObjectWrapper<>(Optional.empty());

    TuningViewModel(ExplorerViewModel explorer, Workspace workspace) {
        this.explorer = explorer;
        this.workspace = workspace;
    }

    /**
     * Forgets what was measured of a corpus no longer on screen: its vectors are not held for a
     * window that shows another, and a keep can only reach the corpus on screen. Called when the
     * explorer's corpus changes (not on its first listener, so the order of listeners does not matter).
     */
    void corpusChanged(EmbeddedCorpus now) {
        if (shown.get() != null && shown.get().corpus() != now) {
            shown.set(null);
        }
        if (batched.get() != null && batched.get().corpus() != now) {
            batched.set(null);
        }
        if (lineup.get() != null && lineup.get().corpus() != now) {
            lineup.set(null);
        }
    }

    /** The sweep on show, or null. */
    public ReadOnlyObjectProperty<Tuned> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The setting kept for the swept corpus; empty when its size decides. */
    public ReadOnlyObjectProperty<Optional<SearchSetting>> keptProperty() {
        return kept.getReadOnlyProperty();
    }

    /** The models' line-up on show, or null. */
    public ReadOnlyObjectProperty<Lineup> lineupProperty() {
        return lineup.getReadOnlyProperty();
    }

    /** Measures every installed model on the corpus on screen, speed against quality: each embeds it (through the cache). */
    public Job<List<ModelLineup.Entry>> measureModels() {
        return measureModels(Optional.empty());
    }

    /** {@link #measureModels()}, each model also scored on a file of STS pairs (two texts and a score a row). */
    public Job<List<ModelLineup.Entry>> measureModels(Optional<Path> stsPairs) {
        EmbeddedCorpus corpus = explorer.corpus();
        if (corpus == null) {
            explorer.say("Open a corpus first.");
            return null;
        }
        // Vectors the file brought, when they are what is on screen, stand beside the models on quality.
        Optional<String> ownVectors = OwnVectors.fromFile(corpus.model()) ? Optional.of(corpus.modelRef()) : Optional.empty();
        Job<List<ModelLineup.Entry>> measuring = explorer.startMain("Measuring every installed model", "models",
                job -> ModelLineup.measure(workspace, corpus.spec(), 500, Optional.empty(), stsPairs.map(file -> PairColumns.scores().read(file)),
                        ownVectors, Seed.DEFAULT, job.progress(), job.cancellation()));
        measuring.whenDone(made -> {
            lineup.set(new Lineup(corpus, made));
            explorer.say(String.format("%d models measured on %s", made.size(), corpus.spec().file().getFileName()));
        });
        measuring.whenFailed(error -> explorer.failed("Measuring the models failed", error));
        measuring.whenCancelled(() -> explorer.say("Measuring the models cancelled."));
        return measuring;
    }

    /** The batch sweep on show, or null. */
    public ReadOnlyObjectProperty<Batched> batchedProperty() {
        return batched.getReadOnlyProperty();
    }

    /** The options kept for the swept model; empty when it embeds with the defaults. */
    public ReadOnlyObjectProperty<Optional<EmbedderOptions>> keptBatchProperty() {
        return keptBatch.getReadOnlyProperty();
    }

    /** Measures the corpus's model at each batch size and split of the cores, on 1,000 of its texts: a minute or so. */
    public Job<BatchSweep> sweepBatches() {
        EmbeddedCorpus corpus = explorer.corpus();
        if (corpus == null) {
            explorer.say("Open a corpus first.");
            return null;
        }
        Job<BatchSweep> sweeping = explorer.startMain("Measuring " + corpus.model() + " at each batch size", "settings",
                job -> BatchTuning.sweep(workspace, corpus, 1000, Seed.DEFAULT, job.progress(), job.cancellation()));
        sweeping.whenDone(made -> {
            batched.set(new Batched(corpus, made));
            keptBatch.set(KeptEmbedders.kept(workspace, workspace.installed(corpus.modelRef())));
            explorer.say(String.format("%s: fastest at %s, %.0f texts/s", made.model(), made.best().label(), made.best().textsPerSecond()));
        });
        sweeping.whenFailed(error -> explorer.failed("Batch sweep failed", error));
        sweeping.whenCancelled(() -> explorer.say("Batch sweep cancelled."));
        return sweeping;
    }

    /** Keeps the fastest setting for the model's later embeddings (from the next time it is opened). */
    public void keepFastest() {
        Batched shown = batched.get();
        if (shown == null || shown.sweep().quantized()) {
            return;
        }
        keptBatch.set(Optional.of(BatchTuning.keepFastest(workspace, shown.sweep())));
        explorer.say(shown.sweep().model() + " embeds with " + shown.sweep().best().label() + " from its next start");
    }

    /** Lets the model embed with the defaults again. */
    public void batchDefaults() {
        Batched shown = batched.get();
        if (shown == null) {
            return;
        }
        KeptEmbedders.keep(workspace, workspace.installed(shown.corpus().modelRef()), Optional.empty());
        keptBatch.set(Optional.empty());
        explorer.say(shown.sweep().model() + " embeds with the defaults from its next start");
    }

    /** Sweeps the indexes over the corpus on screen, with the metric its neighbour search uses: minutes at 100,000 rows. */
    public Job<IndexSweep> sweep() {
        EmbeddedCorpus corpus = explorer.corpus();
        if (corpus == null) {
            explorer.say("Open a corpus first.");
            return null;
        }
        IndexSweep.Plan defaults = IndexSweep.Plan.defaults(Seed.DEFAULT);
        if (corpus.size() < 10 * (defaults.k() + 1)) {
            explorer.say("The corpus has " + corpus.size() + " rows: an index sweep needs at least " + 10 * (defaults.k() + 1) + ".");
            return null;
        }
        var metric = explorer.neighbours().metricProperty().get();
        Job<IndexSweep> sweeping = explorer.startMain("Sweeping search indexes", "indexes",
                job -> IndexTuning.sweep(corpus, metric, defaults, job.progress(), job.cancellation()));
        sweeping.whenDone(made -> {
            shown.set(new Tuned(corpus, made));
            kept.set(corpus.keptSearch());
            explorer.say(String.format("Index sweep ready: %d settings on %,d rows, %d on the front", made.settings().size(), corpus.size(),
                    made.front().size()));
        });
        sweeping.whenFailed(error -> explorer.failed("Index sweep failed", error));
        sweeping.whenCancelled(() -> explorer.say("Index sweep cancelled."));
        return sweeping;
    }

    /** Keeps {@code setting} for the swept corpus's searches; a setting that cannot be kept (Lucene's) is said so. */
    public void keep(IndexSweep.Setting setting) {
        Tuned tuned = shown.get();
        if (tuned == null) {
            return;
        }
        Optional<SearchSetting> chosen = setting.keepable();
        if (chosen.isEmpty()) {
            explorer.say(setting.label() + " is measured for comparison; embex searches with its own graph index or exactly.");
            return;
        }
        KeptSearches.keep(workspace, tuned.corpus(), chosen);
        kept.set(chosen);
        explorer.neighbours().searchSettingChanged();
        explorer.say("Searches of " + tuned.corpus().spec().file().getFileName() + " now use " + chosen.get());
    }

    /** Lets the corpus's size decide its searches again. */
    public void forget() {
        Tuned tuned = shown.get();
        if (tuned == null) {
            return;
        }
        KeptSearches.keep(workspace, tuned.corpus(), Optional.empty());
        kept.set(Optional.empty());
        explorer.neighbours().searchSettingChanged();
        explorer.say("Searches of " + tuned.corpus().spec().file().getFileName() + " are chosen by its size again.");
    }
}
