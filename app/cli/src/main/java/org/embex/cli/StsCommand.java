package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;
import org.embex.eval.StsEvaluation;
import org.embex.eval.StsResult;

/** Semantic textual similarity: Spearman and Pearson of cosine against gold scores. */
@Command(name = "sts", header = "Spearman and Pearson (in percent) of cosine similarity against gold scores.",
        description = "Without a header the columns default to 1, 2 and 3.")
final class StsCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV or TSV of sentence pairs with a gold score.")
    private Path file;

    @Option(names = "--left", defaultValue = "sentence1", paramLabel = "COL",
            description = "First sentence, by name or 1-based position (default: ${DEFAULT-VALUE}).")
    private String left;

    @Option(names = "--right", defaultValue = "sentence2", paramLabel = "COL",
            description = "Second sentence (default: ${DEFAULT-VALUE}).")
    private String right;

    @Option(names = "--score", defaultValue = "score", paramLabel = "COL",
            description = "Gold score (default: ${DEFAULT-VALUE}).")
    private String score;

    @Option(names = "--no-header", description = "The file's first line is data, not column names.")
    private boolean noHeader;

    @Override
    public void run() {
        Table table = TableReader.read(file, !noHeader);
        int leftColumn = table.column(noHeader ? positional(left, "sentence1", "1") : left);
        int rightColumn = table.column(noHeader ? positional(right, "sentence2", "2") : right);
        int scoreColumn = table.column(noHeader ? positional(score, "score", "3") : score);
        double[] gold = new double[table.rows().size()];
        for (int i = 0; i < gold.length; i++) {
            Table.Row row = table.rows().get(i);
            String value = row.cell(scoreColumn).strip();
            try {
                gold[i] = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new BadInputException(file + ": line " + row.line() + ", column " + (scoreColumn + 1)
                        + ": score '" + value + "' is not a number");
            }
        }
        List<String> lefts = table.values(leftColumn);
        List<String> rights = table.values(rightColumn);
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            StsResult result = StsEvaluation.run(session.source(), lefts, rights, gold, bar);
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

    /** Without a header, the default column names stand for the first three positions. */
    private static String positional(String given, String defaultName, String position) {
        return given.equals(defaultName) ? position : given;
    }
}
