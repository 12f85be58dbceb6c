package org.embex.usecase;

import org.embex.BadInputException;
import org.embex.eval.StsEvaluation;
import org.embex.eval.StsResult;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * Sentence pairs with a gold similarity (STS Benchmark's layout) scored by one model: Spearman and
 * Pearson of its cosines against the gold scores. {@code eval sts}, {@code compare --sts} and the
 * window's model comparison all read the file through {@link PairColumns} and score it here.
 */
public final class StsStudy {

    private StsStudy() {
    }

    public static StsResult of(Workspace workspace, String model, PairColumns.Pairs pairs, ProgressListener progress,
                               CancellationToken cancellation) {
        double[] gold = StsScores.of(pairs);
        if (gold.length < 2) {
            throw new BadInputException(pairs.file() + ": a correlation needs at least two scored pairs, found " + gold.length);
        }
        PairEmbedding vectors = PairEmbedding.of(workspace, model, pairs, progress, cancellation);
        return StsEvaluation.score(workspace.installed(model).id(), vectors.left(), vectors.right(), gold);
    }
}
