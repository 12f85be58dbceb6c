package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.eval.RetrievalReport;
import org.embex.usecase.Evaluations;
import org.embex.usecase.Percent;
import org.embex.usecase.Workspace;


/** Dense retrieval on a BEIR-style data set. */
@Command(name = "retrieval", header = "nDCG@10, recall@10/@100, MRR@10 and MAP@100 on a BEIR-style set (JSON: fractions from 0 to 1).",
        description = "Corpus rows (_id, title, text) are embedded as passages (title and text joined), queries "
                + "(_id, text) as queries, each with the model's prefix; qrels is a TSV with a header: "
                + "query-id, corpus-id, score.")
final class RetrievalCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Option(names = "--corpus", required = true, paramLabel = "corpus.jsonl")
    private Path corpus;

    @Option(names = "--queries", required = true, paramLabel = "queries.jsonl")
    private Path queries;

    @Option(names = "--qrels", required = true, paramLabel = "qrels.tsv")
    private Path qrels;

    @Override
    public void run() {
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar bar = output.progress("embedding");
            RetrievalReport report = Evaluations.retrieval(workspace, model.model, corpus, queries, qrels, bar);
            bar.finish();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("queries", report.queries());
            result.put("documents", report.documents());
            result.put("ndcg@10", report.ndcgAt10());
            result.put("recall@10", report.recallAt10());
            result.put("recall@100", report.recallAt100());
            result.put("mrr@10", report.mrrAt10());
            result.put("map@100", report.mapAt100());
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("%s, %d queries over %d documents: nDCG@10 %.4f  recall@10 %s  recall@100 %s  "
                        + "MRR@10 %.4f  MAP@100 %.4f%n", report.model(), report.queries(), report.documents(),
                        report.ndcgAt10(), Percent.of(report.recallAt10()), Percent.of(report.recallAt100()),
                        report.mrrAt10(), report.mapAt100());
            }
        }
    }
}
