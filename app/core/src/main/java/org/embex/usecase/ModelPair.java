package org.embex.usecase;

import java.util.Optional;
import java.util.OptionalDouble;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.compare.ModelComparison;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/**
 * Two models on the same corpus: each text's neighbour agreement, and the metrics the corpus
 * allows (k-NN label accuracy, label silhouette, and the gate's AUROC when it has an out-of-scope
 * label). {@code compare} prints it; the window shows it beside both layouts ({@link SideBySide}).
 */
public record ModelPair(EmbeddedCorpus first, EmbeddedCorpus second, ModelComparison comparison,
                        OptionalDouble firstGateAuroc, OptionalDouble secondGateAuroc) {

    /** Neighbours compared per row unless a user asks for another number. */
    public static final int DEFAULT_K = 10;

    /**
     * Embeds {@code first}'s corpus with {@code secondModel} and compares the two.
     *
     * @param k neighbours per row, from 1 to one less than the rows; {@link #DEFAULT_K} (or fewer, on a
     *          small corpus) when not given
     */
    public static ModelPair of(Workspace workspace, EmbeddedCorpus first, String secondModel, Optional<Integer> k,
                               Metric metric, Optional<String> outOfScope, long seed, ProgressListener progress,
                               CancellationToken cancellation) {
        if (first.size() < 2) {
            throw new BadInputException(first.spec().file() + ": comparing neighbours needs at least two rows");
        }
        int neighbours = k.orElse(Math.min(DEFAULT_K, first.size() - 1));
        if (neighbours < 1 || neighbours >= first.size()) {
            throw new BadInputException(first.spec().file() + ": k must be between 1 and " + (first.size() - 1)
                    + ", was " + neighbours);
        }
        EmbeddedCorpus second = CorpusEmbedding.embed(workspace, first.spec(), first.read(), secondModel, progress,
                cancellation);
        cancellation.check();
        ModelComparison comparison = ModelComparison.of(first.model(), first.vectors(), second.model(), second.vectors(),
                first.labels(), neighbours, metric, seed, ProgressListener.NONE);
        return new ModelPair(first, second, comparison, gateAuroc(first, outOfScope), gateAuroc(second, outOfScope));
    }

    /** The window's comparison: the default k, cosine, the default seed, the out-of-scope label recognised. */
    public static ModelPair of(Workspace workspace, EmbeddedCorpus first, String secondModel, ProgressListener progress,
                               CancellationToken cancellation) {
        return of(workspace, first, secondModel, Optional.empty(), Metric.COSINE, Optional.empty(), Seed.DEFAULT, progress,
                cancellation);
    }

    private static OptionalDouble gateAuroc(EmbeddedCorpus corpus, Optional<String> outOfScope) {
        return OutOfScope.find(corpus.labels(), outOfScope)
                .flatMap(label -> GateStudy.splitting(corpus, label))
                .map(result -> OptionalDouble.of(result.report().auroc()))
                .orElse(OptionalDouble.empty());
    }
}
