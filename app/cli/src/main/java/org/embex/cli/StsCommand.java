package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.eval.StsResult;
import org.embex.progress.CancellationToken;
import org.embex.usecase.PairColumns;
import org.embex.usecase.StsStudy;
import org.embex.usecase.Workspace;

/** Semantic textual similarity: Spearman and Pearson of cosine against gold scores. */
@Command(name = "sts", header = "Spearman and Pearson correlation of cosine similarity with gold scores.",
        description = "Correlations from -1 to 1 (STS papers print them × 100). A first line that names the two sentence "
                + "columns is a header; otherwise the columns are 1, 2 and 3.")
final class StsCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private PairOptions pairs;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV or TSV of sentence pairs with a gold score.")
    private Path file;

    @Option(names = "--score", defaultValue = "score", paramLabel = "COL",
            description = "Gold score (default: ${DEFAULT-VALUE}).")
    private String score;

    @Override
    public void run() {
        PairColumns.Pairs read = pairs.columns(PairColumns.scores(), score).read(file);
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar bar = output.progress("embedding");
            StsResult result = StsStudy.of(workspace, model.model, read, bar, CancellationToken.none());
            bar.finish();
            if (output.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("model", result.model());
                json.put("pairs", result.pairs());
                json.put("spearman", result.spearman());
                json.put("pearson", result.pearson());
                output.printJson(json);
            } else {
                output.out().printf("%s on %d pairs: Spearman %.4f, Pearson %.4f%n", result.model(), result.pairs(),
                        result.spearman(), result.pearson());
            }
        }
    }
}
