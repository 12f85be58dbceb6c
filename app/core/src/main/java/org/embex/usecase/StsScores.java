package org.embex.usecase;

import org.embex.corpus.CorpusFormatException;

/** A pairs file's third column as gold similarity scores (STS Benchmark's layout: 0–5). */
public final class StsScores {

    private StsScores() {
    }

    /** Every row's score; a cell that is not a finite number stops with its file, line and column. */
    public static double[] of(PairColumns.Pairs pairs) {
        double[] gold = new double[pairs.size()];
        for (int i = 0; i < gold.length; i++) {
            PairColumns.Pair pair = pairs.rows().get(i);
            try {
                gold[i] = Double.parseDouble(pair.third().strip());
            } catch (NumberFormatException e) {
                gold[i] = Double.NaN;
            }
            if (!Double.isFinite(gold[i])) {
                throw new CorpusFormatException(pairs.file(), pair.line(), pairs.thirdColumn(),
                        "score '" + pair.third() + "' is not a number");
            }
        }
        return gold;
    }
}
