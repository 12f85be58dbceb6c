package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.embex.compare.ModelMetrics;
import org.embex.corpus.Corpus;
import org.embex.embed.ModelCost;
import org.embex.model.ModelFolder;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.threshold.RocCurve;
import org.embex.vectors.Metric;

/**
 * Every installed model on the user's corpus, speed against quality ({@code tune models}): what each
 * costs on this machine ({@link ModelCost}) beside the quality figures the corpus allows: the gate's
 * AUROC and the share of out-of-scope texts it refuses while it keeps 95% of the in-scope ones (with
 * an out-of-scope label), the k-nearest-neighbour label accuracy (with labels), and the STS Spearman
 * when a file of scored pairs is given. Each model embeds the corpus through the cache; vectors the
 * file brings stand beside them on quality.
 */
public final class ModelLineup {

    /** Neighbours whose labels vote in the k-NN accuracy, as the comparison counts them. */
    private static final int K = 10;

    /**
     * One row of the table: an installed model, or vectors a file brought (no cost to measure: they
     * are not embedded here).
     */
    public record Entry(String name, Optional<ModelCost> cost, OptionalDouble gateAuroc, OptionalDouble refusedAt95,
                        OptionalDouble knnAccuracy, OptionalDouble stsSpearman) {
    }

    private ModelLineup() {
    }

    /**
     * @param texts   the corpus's texts each model is timed on (drawn at random)
     * @param sts     a file of scored pairs for each model's Spearman, if any
     * @param vectors vectors the corpus's file brings ({@code file:COLUMN}), to set beside the models on quality
     */
    public static List<Entry> measure(Workspace workspace, CorpusSpec spec, int texts, Optional<String> outOfScope,
                                      Optional<PairColumns.Pairs> sts, Optional<String> vectors, long seed, ProgressListener listener,
                                      CancellationToken cancel) {
        List<ModelFolder> models = workspace.installedModels().stream().filter(model -> !model.descriptor().remote()).toList();
        List<Entry> entries = new ArrayList<>();
        if (!models.isEmpty()) {
            // ONNX Runtime's library and the JVM's own growth land on the first model opened; pay them before any is measured.
            ModelCost.measure(models.get(0), KeptEmbedders.options(workspace, models.get(0)), List.of("warm up", "once"));
        }
        int total = models.size() + (vectors.isPresent() ? 1 : 0);
        // Read once: each model embeds the same rows.
        Corpus rows = spec.read();
        if (vectors.isPresent()) {
            EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, spec, rows, vectors.get(), ProgressListener.NONE, cancel);
            Quality quality = Quality.of(corpus, outOfScope, seed);
            entries.add(new Entry(corpus.model(), Optional.empty(), quality.auroc(), quality.refused(), quality.knn(), OptionalDouble.empty()));
            listener.progress(entries.size(), total);
        }
        for (ModelFolder model : models) {
            cancel.check();
            EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, spec, rows, model.descriptor().id(), ProgressListener.NONE, cancel);
            ModelCost cost = ModelCost.measure(model, KeptEmbedders.options(workspace, model), TextSample.of(corpus.corpus().texts(), texts, seed));
            Quality quality = Quality.of(corpus, outOfScope, seed);
            OptionalDouble spearman = sts.isPresent()
                    ? OptionalDouble.of(StsStudy.of(workspace, model.descriptor().id(), sts.get(), ProgressListener.NONE, cancel).spearman())
                    : OptionalDouble.empty();
            entries.add(new Entry(model.descriptor().id(), Optional.of(cost), quality.auroc(), quality.refused(), quality.knn(), spearman));
            listener.progress(entries.size(), total);
        }
        return entries;
    }

    /** The quality figures an embedded corpus allows: the gate's, with an out-of-scope label; k-NN accuracy, with labels. */
    private record Quality(OptionalDouble auroc, OptionalDouble refused, OptionalDouble knn) {

        static Quality of(EmbeddedCorpus corpus, Optional<String> outOfScope, long seed) {
            OptionalDouble auroc = OptionalDouble.empty();
            OptionalDouble refused = OptionalDouble.empty();
            // A label asked for must be there (as eval gate says); else the one the corpus spells, if any.
            Optional<String> refuse = outOfScope.isPresent()
                    ? Optional.of(OutOfScope.require(corpus.spec().file(), corpus.labelNames(), outOfScope, "--out-of-scope LABEL"))
                    : OutOfScope.find(corpus.labelNames(), Optional.empty());
            Optional<ThresholdStudy> study = refuse.isPresent() ? ThresholdStudy.of(corpus, refuse, seed) : Optional.empty();
            if (study.isPresent()) {
                RocCurve curve = study.get().curve();
                auroc = OptionalDouble.of(curve.auc());
                refused = OptionalDouble.of(1 - curve.atTpr(0.95).confusion().fpr());
            }
            // k-NN accuracy needs labels and more rows than neighbours: no neighbourhoods are worked out without them.
            OptionalDouble knn = corpus.labelled() && corpus.size() > K + 1
                    ? ModelMetrics.of(corpus.model(), corpus.search().matrix(), corpus.labels(), K, Metric.COSINE, seed).knnLabelAccuracy()
                    : OptionalDouble.empty();
            return new Quality(auroc, refused, knn);
        }
    }
}
