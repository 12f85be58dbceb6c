package org.embex.usecase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.embex.BadInputException;
import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.TextRow;
import org.embex.progress.ProgressListener;
import org.embex.recommend.Recommendation;
import org.embex.recommend.RecommendationEvaluation;
import org.embex.recommend.Recommender;

/**
 * Recommendations from liked rows of an embedded corpus ({@link Recommender}): the liked rows
 * named by id in a file ({@code recommend --liked}) or picked on the map (the window's selection),
 * optionally weighted by a number column, and the evaluation {@code recommend --evaluate} reports.
 */
public final class Recommendations {

    private Recommendations() {
    }

    /**
     * The rows whose ids a file lists, one id per line (blank lines and lines starting with # are
     * skipped), in the file's order; every row carrying a listed id counts.
     *
     * @throws BadInputException naming the file and line of an id the corpus does not have
     */
    public static int[] liked(EmbeddedCorpus corpus, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (int row = 0; row < corpus.size(); row++) {
            rowsOf.computeIfAbsent(corpus.row(row).id(), id -> new ArrayList<>()).add(row);
        }
        Set<Integer> liked = new LinkedHashSet<>();
        for (int line = 0; line < lines.size(); line++) {
            // A byte-order mark (Notepad's UTF-8) is not part of the first id.
            String id = (line == 0 ? lines.get(0).replaceFirst("^\uFEFF", "") : lines.get(line)).strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            List<Integer> rows = rowsOf.get(id);
            if (rows == null) {
                throw new CorpusFormatException(file, line + 1, 1, "id '" + id + "' is not in " + corpus.spec().file().getFileName());
            }
            liked.addAll(rows);
        }
        if (liked.isEmpty()) {
            throw new BadInputException(file + ": no ids in it (one id per line)");
        }
        return liked.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The {@code k} rows closest to the liked rows' profile, none of them liked, each with the liked
     * row that brought it in.
     *
     * @param weightColumn a column of numbers that weighs each liked row in the profile, or empty for equal weights
     */
    public static List<Recommendation> recommend(EmbeddedCorpus corpus, int[] liked, Optional<String> weightColumn, int k) {
        check(k);
        if (liked.length == 0) {
            throw new BadInputException("like at least one row first");
        }
        double[] weights = weightColumn.map(column -> weights(corpus, liked, column)).orElse(null);
        return Recommender.recommend(corpus.vectors(), liked, weights, k);
    }

    /** A number of recommendations a face can refuse before it embeds anything. */
    public static void check(int k) {
        if (k < 1) {
            throw new BadInputException("k must be at least 1, was " + k);
        }
    }

    /** Hit rate@10 and nDCG@10 of held-out rows of each label, beside a random order and one liked row's neighbours. */
    public static RecommendationEvaluation.Report evaluate(EmbeddedCorpus corpus, long seed, ProgressListener listener) {
        if (!corpus.labelled()) {
            throw new BadInputException(corpus.spec().file() + " has no labels: the evaluation holds out rows of a label "
                    + "(choose the label column)");
        }
        if (RecommendationEvaluation.evaluable(corpus.labels()) == 0) {
            throw new BadInputException(corpus.spec().file() + ": no label has " + RecommendationEvaluation.MIN_ITEMS
                    + " rows or more, so none can hold one out beside " + RecommendationEvaluation.LIKED + " liked ones");
        }
        return RecommendationEvaluation.run(corpus.vectors(), corpus.labels(), seed, listener);
    }

    private static double[] weights(EmbeddedCorpus corpus, int[] liked, String column) {
        double[] weights = new double[liked.length];
        for (int i = 0; i < liked.length; i++) {
            TextRow row = corpus.row(liked[i]);
            String value = row.metadata().get(column);
            if (value == null) {
                throw new BadInputException(corpus.spec().file() + " has no column '" + column + "' (line " + row.line()
                        + ", id " + row.id() + "); its columns: " + String.join(", ", row.metadata().keySet()));
            }
            try {
                weights[i] = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new BadInputException(corpus.spec().file() + ", line " + row.line() + " (id " + row.id() + "), column '"
                        + column + "': '" + value + "' is not a number", e);
            }
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new BadInputException(corpus.spec().file() + ", line " + row.line() + " (id " + row.id() + "), column '"
                        + column + "': a weight is a number of 0 or more, was " + value);
            }
        }
        if (Arrays.stream(weights).allMatch(weight -> weight == 0)) {
            throw new BadInputException(corpus.spec().file() + ", column '" + column + "': every liked row weighs 0");
        }
        return weights;
    }
}
