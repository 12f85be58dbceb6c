package org.embex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.corpus.TextRow;
import org.embex.recommend.Recommendation;
import org.embex.recommend.RecommendationEvaluation;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Recommendations;
import org.embex.usecase.Workspace;

/** Recommendations by content from liked rows, or their evaluation on a labelled file. */
@Command(name = "recommend", header = "Recommend rows like the ones liked, or evaluate recommending on a labelled file.",
        description = {"The profile is the mean of the liked rows' unit vectors (weighted by --weight); the rows nearest to it "
                + "that are not liked come back, each with the liked row that brought it in.",
                "--evaluate: for each label with at least 5 rows, 3 rows of it are liked and one more held out (100 draws, or "
                + "each row once); the held-out row's hit rate@10 and nDCG@10, beside a random order and one liked row's "
                + "nearest neighbours on the same draws."})
final class RecommendCommand implements Runnable, ShowsSkippedRows {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Option(names = "--liked", paramLabel = "ids.txt", description = "The ids of the liked rows, one per line.")
    private Path liked;

    @Option(names = "--evaluate", description = "Evaluate recommending on the file's labels instead.")
    private boolean evaluate;

    @Option(names = "-k", paramLabel = "K", description = "How many rows (default: 10).")
    private Integer k;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "A column of numbers that weighs each liked row.")
    private String weight;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed of the evaluation's draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public void run() {
        if (evaluate == (liked != null)) {
            throw new BadInputException("give --liked ids.txt or --evaluate (one of them)");
        }
        if (evaluate && (k != null || weight != null)) {
            throw new BadInputException("--evaluate ranks the top 10 of unweighted profiles: leave out -k and --weight");
        }
        Recommendations.check(count());
        if (liked != null && !Files.isReadable(liked)) {
            throw new BadInputException("cannot read " + liked + " (the liked rows' ids, one per line)");
        }
        try (Workspace workspace = model.workspace(cache)) {
            EmbeddedCorpus corpus = FileEmbedding.of(workspace, columns.spec(file), model.model, output);
            if (evaluate) {
                evaluate(corpus);
            } else {
                recommend(corpus);
            }
        }
    }

    private void recommend(EmbeddedCorpus corpus) {
        int[] likedRows = Recommendations.liked(corpus, liked);
        List<Recommendation> found = Recommendations.recommend(corpus, likedRows, Optional.ofNullable(weight), count());
        List<Map<String, Object>> results = new ArrayList<>();
        for (int rank = 0; rank < found.size(); rank++) {
            Recommendation recommendation = found.get(rank);
            TextRow row = corpus.row(recommendation.row());
            TextRow because = corpus.row(recommendation.because());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rank", rank + 1);
            result.put("id", row.id());
            result.put("text", row.text());
            result.put("label", row.label());
            result.put("score", recommendation.score());
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", because.id());
            source.put("text", because.text());
            source.put("score", recommendation.becauseScore());
            result.put("because", source);
            results.add(result);
        }
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", corpus.model());
            result.put("liked", likedRows.length);
            result.put("weight", weight);
            SkippedRows.put(result, corpus.corpus());
            result.put("results", results);
            output.printJson(result);
            return;
        }
        output.out().printf("%s: %d liked rows%s%n", corpus.model(), likedRows.length, weight == null ? "" : ", weighted by " + weight);
        for (Map<String, Object> result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> because = (Map<String, Object>) result.get("because");
            output.out().printf("%3d  %7.4f  %-12s %s%n               because you liked %s (%.4f): %s%n", result.get("rank"),
                    result.get("score"), result.get("id"), result.get("text"), because.get("id"), because.get("score"),
                    because.get("text"));
        }
    }

    private void evaluate(EmbeddedCorpus corpus) {
        ProgressBar bar = output.progress("draws");
        RecommendationEvaluation.Report report = Recommendations.evaluate(corpus, seed, bar);
        bar.finish();
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", corpus.model());
            result.put("texts", corpus.size());
            SkippedRows.put(result, corpus.corpus());
            result.put("labels", report.labels());
            result.put("draws", report.draws());
            result.put("seed", seed);
            result.put("liked_per_draw", RecommendationEvaluation.LIKED);
            result.put("profile", figures(report.profile()));
            result.put("nearest_to_one_liked", figures(report.nearestToOne()));
            result.put("random", figures(report.random()));
            output.printJson(result);
            return;
        }
        var out = output.out();
        out.printf("%s: %d labels, %,d draws (3 liked, 1 held out; seed %d)%n", corpus.model(), report.labels(), report.draws(), seed);
        out.printf("  %-22s %9s %9s%n", "", "hit@10", "nDCG@10");
        out.printf("  %-22s %9.4f %9.4f%n", "profile (embex)", report.profile().hitRate(), report.profile().ndcg());
        out.printf("  %-22s %9.4f %9.4f%n", "nearest to one liked", report.nearestToOne().hitRate(), report.nearestToOne().ndcg());
        out.printf("  %-22s %9.4f %9.4f%n", "random", report.random().hitRate(), report.random().ndcg());
    }

    private int count() {
        return k == null ? 10 : k;
    }

    private static Map<String, Object> figures(RecommendationEvaluation.Figures figures) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("hit_rate_at_10", figures.hitRate());
        shown.put("ndcg_at_10", figures.ndcg());
        return shown;
    }
}
