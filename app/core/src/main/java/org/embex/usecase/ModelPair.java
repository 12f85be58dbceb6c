package org.embex.usecase;

import java.util.List;
import java.util.OptionalDouble;

import org.embex.compare.ModelComparison;
import org.embex.compare.Procrustes;
import org.embex.corpus.TextRow;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.vectors.Metric;

/**
 * Two models on the same corpus, ready to be shown side by side: both maps, the second turned
 * onto the first (Procrustes) so the same texts sit in similar places, each text's neighbour
 * agreement, and the metrics the corpus allows (k-NN label accuracy, label silhouette, and the
 * gate's AUROC when there is an out-of-scope label).
 */
public record ModelPair(EmbeddedCorpus first, EmbeddedCorpus second, Layout firstLayout, Layout secondLayout,
                        ModelComparison comparison, OptionalDouble firstGateAuroc, OptionalDouble secondGateAuroc) {

    public static final int K = 10;

    public static ModelPair of(Workbench workbench, EmbeddedCorpus first, Layout firstLayout, String secondModel,
                               MapMethod method, String outOfScope, long seed, ProgressListener progress,
                               CancellationToken cancellation) {
        EmbeddedCorpus second = CorpusEmbedding.embed(workbench, first.spec(), first.corpus(), secondModel, progress,
                cancellation);
        Layout secondLayout = new MapMaker(workbench, seed).make(second, method,
                new LayoutWatch(ProgressListener.NONE, cancellation, layout -> { }, Integer.MAX_VALUE));
        cancellation.check();
        List<String> labels = first.corpus().rows().stream().map(TextRow::label).toList();
        ModelComparison comparison = ModelComparison.of(first.model(), first.vectors(), second.model(), second.vectors(), labels,
                Math.min(K, first.size() - 1), Metric.COSINE, seed, ProgressListener.NONE);
        return new ModelPair(first, second, firstLayout, Procrustes.align(firstLayout, secondLayout), comparison,
                gateAuroc(first, outOfScope), gateAuroc(second, outOfScope));
    }

    private static OptionalDouble gateAuroc(EmbeddedCorpus corpus, String outOfScope) {
        return ThresholdStudy.gate(corpus, outOfScope).map(study -> OptionalDouble.of(study.curve().auc()))
                .orElse(OptionalDouble.empty());
    }
}
