package org.embex.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;
import org.embex.eval.StsEvaluation;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * Sentence pairs with a gold similarity (STS Benchmark's layout): with a header naming
 * {@code sentence1}, {@code sentence2} and {@code score}, or without one, by position.
 */
public record StsFile(Path file, List<String> left, List<String> right, double[] gold) {

    public static StsFile read(Path file) {
        Table probe = TableReader.read(file, true);
        boolean named = probe.columns().contains("sentence1") && probe.columns().contains("sentence2");
        Table table = named ? probe : TableReader.read(file, false);
        int leftColumn = named ? table.columns().indexOf("sentence1") : 0;
        int rightColumn = named ? table.columns().indexOf("sentence2") : 1;
        int scoreColumn = named && table.columns().contains("score") ? table.columns().indexOf("score") : 2;
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        double[] gold = new double[table.rows().size()];
        for (int r = 0; r < gold.length; r++) {
            Table.Row row = table.rows().get(r);
            try {
                gold[r] = Double.parseDouble(row.cell(scoreColumn).strip());
            } catch (NumberFormatException e) {
                throw new CorpusFormatException(file, row.line(), scoreColumn + 1, "score '" + row.cell(scoreColumn) + "' is not a number");
            }
            left.add(row.cell(leftColumn));
            right.add(row.cell(rightColumn));
        }
        return new StsFile(file, left, right, gold);
    }

    /** Spearman (in percent) of the model's cosine against the gold scores. */
    public double spearman(Workbench workbench, String model, ProgressListener progress, CancellationToken cancellation) {
        return StsEvaluation.run(workbench.source(model), left, right, gold, (done, total) -> {
            cancellation.check();
            progress.progress(done, total);
        }).spearman();
    }
}
