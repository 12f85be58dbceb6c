package org.embex.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.embex.BadInputException;
import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/**
 * A file of labelled text pairs (CSV, TSV or JSONL with a header) studied for a threshold: each
 * pair scored by the cosine of its two texts under one model, positive when its label says so.
 * Columns: {@code sentence1}, {@code sentence2} and {@code label} when present, else the first
 * three. Labels: 1/0, true/false, yes/no, positive/negative.
 */
public final class PairsFile {

    private static final Set<String> YES = Set.of("1", "true", "yes", "positive", "y");
    private static final Set<String> NO = Set.of("0", "false", "no", "negative", "n");

    private PairsFile() {
    }

    public static ThresholdStudy study(Workbench workbench, String model, Path file, ProgressListener progress,
                                       CancellationToken cancellation) {
        Table table = TableReader.read(file, true);
        if (table.columns().size() < 3) {
            throw new BadInputException(file + ": a pairs file needs three columns (two texts and a label), found "
                    + table.columns().size());
        }
        int left = column(table, "sentence1", 0);
        int right = column(table, "sentence2", 1);
        int label = column(table, "label", 2);
        List<String> lefts = new ArrayList<>();
        List<String> rights = new ArrayList<>();
        boolean[] positive = new boolean[table.rows().size()];
        for (int r = 0; r < table.rows().size(); r++) {
            Table.Row row = table.rows().get(r);
            String value = row.cell(label).strip().toLowerCase(Locale.ROOT);
            if (!YES.contains(value) && !NO.contains(value)) {
                throw new CorpusFormatException(file, row.line(), label + 1,
                        "label '" + row.cell(label) + "' is not one of 1/0, true/false, yes/no, positive/negative");
            }
            positive[r] = YES.contains(value);
            lefts.add(row.cell(left));
            rights.add(row.cell(right));
        }
        List<String> both = new ArrayList<>(lefts);
        both.addAll(rights);
        ProgressListener checked = (done, total) -> {
            cancellation.check();
            progress.progress(done, total);
        };
        List<Embedding> vectors = workbench.source(model).embed(both, Role.TEXT, checked);
        double[] scores = new double[lefts.size()];
        List<String> texts = new ArrayList<>();
        int[] rows = new int[lefts.size()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = Metric.cosine(vectors.get(r).vector(), vectors.get(lefts.size() + r).vector());
            texts.add(lefts.get(r) + "  ⟷  " + rights.get(r));
            rows[r] = -1;
        }
        return ThresholdStudy.of(model, String.format("%,d pairs from %s", scores.length, file.getFileName()), scores, positive,
                texts, rows, Optional.empty());
    }

    private static int column(Table table, String name, int fallback) {
        int found = table.columns().indexOf(name);
        return found >= 0 ? found : fallback;
    }
}
