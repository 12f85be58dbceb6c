package org.embex.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.BadInputException;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.Corpus;
import org.embex.corpus.CorpusReader;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;
import org.embex.corpus.TextRow;
import org.embex.eval.Retrieval;
import org.embex.eval.RetrievalReport;

/** Dense retrieval on a BEIR-style data set. */
@Command(name = "retrieval", header = "nDCG@10, recall@10/@100, MRR@10 and MAP@100 (in percent) on a BEIR-style set.",
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
        Corpus documents = read(corpus, List.of("title", "text"));
        Corpus asked = read(queries, List.of("text"));
        Map<String, Map<String, Integer>> judgements = judgements();
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            RetrievalReport report = Retrieval.run(session.source(), ids(documents),
                    documents.rows().stream().map(row -> row.text().strip()).toList(), ids(asked), asked.texts(),
                    judgements, bar);
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
                output.out().printf("%s, %d queries over %d documents: nDCG@10 %.2f  recall@10 %.2f  recall@100 %.2f  "
                        + "MRR@10 %.2f  MAP@100 %.2f%n", report.model(), report.queries(), report.documents(),
                        report.ndcgAt10(), report.recallAt10(), report.recallAt100(), report.mrrAt10(), report.mapAt100());
            }
        }
    }

    /** Rows with their {@code _id}; a title column is optional, so only the columns present are joined. */
    private static Corpus read(Path file, List<String> textColumns) {
        List<String> columns;
        try (var records = org.embex.corpus.RecordReader.open(file, ReadOptions.defaults())) {
            records.hasNext();
            columns = List.copyOf(records.columns());
        }
        List<String> present = textColumns.stream().filter(columns::contains).toList();
        if (!columns.contains("_id") || present.isEmpty()) {
            throw new BadInputException(file + ": expected the BEIR columns _id and " + String.join(", ", textColumns)
                    + "; found " + String.join(", ", columns));
        }
        return CorpusReader.readAll(file, ReadOptions.defaults(), new ColumnChoice(present, Optional.empty(), Optional.of("_id")));
    }

    private static List<String> ids(Corpus corpus) {
        return corpus.rows().stream().map(TextRow::id).toList();
    }

    private Map<String, Map<String, Integer>> judgements() {
        Table table = TableReader.read(qrels, ReadOptions.defaults());
        int query = table.column("query-id");
        int document = table.column("corpus-id");
        int score = table.column("score");
        Map<String, Map<String, Integer>> judged = new HashMap<>();
        for (Table.Row row : table.rows()) {
            int relevance;
            try {
                relevance = Integer.parseInt(row.cell(score).strip());
            } catch (NumberFormatException e) {
                throw new BadInputException(qrels + ": line " + row.line() + ", column " + (score + 1) + ": score '"
                        + row.cell(score) + "' is not a whole number");
            }
            judged.computeIfAbsent(row.cell(query), id -> new HashMap<>()).put(row.cell(document), relevance);
        }
        return judged;
    }
}
