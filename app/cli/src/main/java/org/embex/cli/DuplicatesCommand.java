package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.corpus.TextRow;
import org.embex.duplicates.DuplicateGroup;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.NearDuplicates;
import org.embex.usecase.Workspace;

/** Near-duplicates of a file, grouped around representatives. */
@Command(name = "duplicates", header = "Find near-duplicate texts: every pair at or above a cosine threshold, grouped.",
        description = {"Each group has a representative that every member is at or above the threshold with, so a chain "
                + "(A~B, B~C, A far from C) does not merge unrelated texts. Pick the threshold in the explorer's threshold "
                + "workbench on labelled pairs, or give it.",
                "Every pair is scored up to --graph-above rows; larger files go through a neighbour graph kept in the cache."})
final class DuplicatesCommand implements Runnable, ShowsSkippedRows {

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

    @Option(names = "--threshold", required = true, paramLabel = "T", description = "The cosine similarity a pair reaches, above 0 and at most 1.")
    private double threshold;

    @Option(names = {"-o", "--output"}, paramLabel = "groups.csv",
            description = "Write every group's rows with group, representative and score: CSV, JSONL, or Parquet with the vectors (by extension).")
    private Path target;

    @Option(names = "--show", defaultValue = "20", paramLabel = "N", description = "Groups printed, largest first (default: ${DEFAULT-VALUE}; --json and -o have all).")
    private int show;

    @Option(names = "--exact", description = "Score every pair, however many rows there are.")
    private boolean exact;

    @Option(names = "--graph-above", defaultValue = "" + NearDuplicates.EXACT_UP_TO, paramLabel = "ROWS",
            description = "Find the pairs of files with more rows than this through a neighbour graph (default: ${DEFAULT-VALUE}).")
    private int graphAbove;

    @Override
    public void run() {
        NearDuplicates.check(threshold);
        if (show < 0 || graphAbove < 0) {
            throw new BadInputException("--show and --graph-above are 0 or more; got " + show + " and " + graphAbove);
        }
        try (Workspace workspace = model.workspace(cache)) {
            EmbeddedCorpus corpus = FileEmbedding.of(workspace, columns.spec(file), model.model, output);
            ProgressBar pairing = output.progress("pairs");
            NearDuplicates.Found found = NearDuplicates.find(workspace, corpus, threshold, exact ? Integer.MAX_VALUE : graphAbove,
                    pairing);
            pairing.finish();
            if (target != null) {
                NearDuplicates.export(target, corpus, found);
            }
            if (output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("model", corpus.model());
                result.put("metric", "cosine");
                result.put("threshold", threshold);
                result.put("search", found.graph() ? "graph" : "exact");
                result.put("texts", corpus.size());
                SkippedRows.put(result, corpus.corpus());
                result.put("pairs", found.pairs());
                result.put("rows_in_groups", found.grouping().rows());
                result.put("unplaced", found.grouping().unplaced());
                List<Map<String, Object>> groups = new ArrayList<>();
                for (int g = 0; g < found.groups().size(); g++) {
                    groups.add(group(corpus, g + 1, found.groups().get(g)));
                }
                result.put("groups", groups);
                output.printJson(result);
                return;
            }
            var out = output.out();
            out.printf("%s, cosine >= %.4f (%s): %,d pairs, %,d groups holding %,d of %,d rows%n", corpus.model(), threshold,
                    found.graph() ? "through the neighbour graph" : "every pair scored", found.pairs(), found.groups().size(),
                    found.grouping().rows(), corpus.size());
            if (found.grouping().unplaced() > 0) {
                out.printf("%,d rows have a near-duplicate but fit no group: their partners went to a representative they are "
                        + "not close to%n", found.grouping().unplaced());
            }
            for (int g = 0; g < Math.min(show, found.groups().size()); g++) {
                DuplicateGroup group = found.groups().get(g);
                out.printf("%ngroup %d: %d rows, weakest %.4f%n", g + 1, group.size(), group.weakest());
                for (int m = 0; m < group.size(); m++) {
                    TextRow row = corpus.row(group.member(m));
                    out.printf("  %s %.4f  %-12s %s%n", m == 0 ? "*" : " ", group.score(m), row.id(), row.text());
                }
            }
            if (found.groups().size() > show) {
                out.printf("%n... %,d more groups (--show, --json or -o for all)%n", found.groups().size() - show);
            }
        }
    }

    private static Map<String, Object> group(EmbeddedCorpus corpus, int number, DuplicateGroup group) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int m = 0; m < group.size(); m++) {
            TextRow row = corpus.row(group.member(m));
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", row.id());
            member.put("text", row.text());
            member.put("label", row.label());
            member.put("score", group.score(m));
            members.add(member);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("group", number);
        shown.put("representative", corpus.row(group.representative()).id());
        shown.put("size", group.size());
        shown.put("weakest", group.weakest());
        shown.put("members", members);
        return shown;
    }
}
