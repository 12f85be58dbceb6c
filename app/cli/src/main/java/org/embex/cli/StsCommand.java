package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.eval.StsEvaluation;
import org.embex.eval.StsResult;

/** Semantic textual similarity: Spearman and Pearson of cosine against gold scores. */
@Command(name = "sts", header = "Spearman and Pearson (in percent) of cosine similarity against gold scores.",
        description = "Without a header the columns default to 1, 2 and 3.")
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
        PairOptions.Pairs read = pairs.read(file, score, "score");
        double[] gold = read.numbers("score");
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            StsResult result = StsEvaluation.run(session.source(), read.left(), read.right(), gold, bar);
            bar.finish();
            if (output.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("model", result.model());
                json.put("pairs", result.pairs());
                json.put("spearman", result.spearman());
                json.put("pearson", result.pearson());
                output.printJson(json);
            } else {
                output.out().printf("%s on %d pairs: Spearman %.2f, Pearson %.2f%n", result.model(), result.pairs(),
                        result.spearman(), result.pearson());
            }
        }
    }
}
