package org.embex.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.embex.BadInputException;
import org.embex.eval.PairClassification;
import org.embex.eval.PairReport;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/**
 * A file of labelled text pairs (duplicate questions, matching FAQs): every metric's AUROC and
 * best thresholds ({@code eval pairs}) and the cosine scores as a threshold study (the workbench),
 * from one embedding of the pairs.
 */
public final class PairStudy {

    private PairStudy() {
    }

    public record Result(PairReport report, ThresholdStudy study, int positives) {
    }

    public static Result of(Workspace workspace, String model, PairColumns.Pairs pairs, ProgressListener progress,
                            CancellationToken cancellation) {
        boolean[] positive = PairLabel.of(pairs);
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        if (positives == 0 || positives == positive.length) {
            throw new BadInputException(pairs.file() + ": the pairs need both positive and negative labels (found "
                    + positives + " positive of " + positive.length + ")");
        }
        PairEmbedding vectors = PairEmbedding.of(workspace, model, pairs, progress, cancellation);
        String id = workspace.installed(model).id();
        PairReport report = PairClassification.score(id, vectors.left(), vectors.right(), positive);
        double[] scores = new double[pairs.size()];
        List<String> texts = new ArrayList<>(pairs.size());
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Metric.cosine(vectors.left().get(i), vectors.right().get(i));
            texts.add(pairs.rows().get(i).left() + "  ⟷  " + pairs.rows().get(i).right());
        }
        int[] rows = new int[scores.length];
        Arrays.fill(rows, -1);
        ThresholdStudy study = ThresholdStudy.of(id, String.format("%,d pairs from %s", scores.length,
                pairs.file().getFileName()), scores, positive, texts, rows, Optional.empty());
        return new Result(report, study, positives);
    }
}
