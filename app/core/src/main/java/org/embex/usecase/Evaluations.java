package org.embex.usecase;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.embex.BadInputException;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.Corpus;
import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.RecordReader;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;
import org.embex.corpus.TextRow;
import org.embex.eval.Classification;
import org.embex.eval.ClassificationReport;
import org.embex.eval.Retrieval;
import org.embex.eval.RetrievalReport;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * The evaluations on files of their own: intent classification (train and test files) and
 * retrieval (a BEIR corpus, queries and judgements). STS, labelled pairs and the gate are
 * studies of their own ({@link StsStudy}, {@link PairStudy}, {@link GateStudy}).
 */
public final class Evaluations {

    private Evaluations() {
    }

    /** A classification and the two files as they were read (with any rows skipped). */
    public record Classified(ClassificationReport report, Corpus train, Corpus test) {
    }

    public static Classified classify(Workspace workspace, String model, CorpusSpec train, CorpusSpec test,
                                      ProgressListener progress) {
        Corpus trainRows = train.read();
        Corpus testRows = test.read();
        if (OwnVectors.fromFile(model)) {
            // Each file brings its own vectors (the same column in both): nothing is embedded.
            EmbeddedCorpus trained = CorpusEmbedding.embed(workspace, train, trainRows, model, progress, CancellationToken.none());
            EmbeddedCorpus tested = CorpusEmbedding.embed(workspace, test, testRows, model, progress, CancellationToken.none());
            if (trained.dims() != tested.dims()) {
                throw new BadInputException(test.file() + ": its vectors have " + tested.dims() + " numbers, "
                        + train.file() + "'s " + trained.dims());
            }
            return new Classified(Classification.run(trained.model(), trained.dims(), trained.corpus().texts(), rows(trained),
                    labels(trained.corpus()), rows(tested), labels(tested.corpus())), trained.corpus(), tested.corpus());
        }
        return new Classified(Classification.run(workspace.source(model), trainRows.texts(), labels(trainRows),
                testRows.texts(), labels(testRows), progress), trainRows, testRows);
    }

    /** BEIR's layout: {@code corpus.jsonl} (_id, optional title, text), {@code queries.jsonl}, {@code qrels.tsv}. */
    public static RetrievalReport retrieval(Workspace workspace, String model, Path corpus, Path queries, Path qrels,
                                            ProgressListener progress) {
        Corpus documents = beir(corpus, List.of("title", "text"));
        Corpus asked = beir(queries, List.of("text"));
        return Retrieval.run(workspace.source(model), ids(documents),
                documents.rows().stream().map(row -> row.text().strip()).toList(), ids(asked), asked.texts(),
                judgements(qrels), progress);
    }

    private static List<float[]> rows(EmbeddedCorpus corpus) {
        return IntStream.range(0, corpus.size()).mapToObj(corpus.vectors()::row).toList();
    }

    private static List<String> labels(Corpus corpus) {
        return corpus.rows().stream().map(TextRow::label).toList();
    }

    private static List<String> ids(Corpus corpus) {
        return corpus.rows().stream().map(TextRow::id).toList();
    }

    /** Rows with their {@code _id}; a title column is optional, so only the columns present are joined. */
    private static Corpus beir(Path file, List<String> textColumns) {
        List<String> columns;
        try (RecordReader records = RecordReader.open(file, ReadOptions.defaults())) {
            records.hasNext();
            columns = List.copyOf(records.columns());
        }
        List<String> present = textColumns.stream().filter(columns::contains).toList();
        if (!columns.contains("_id") || present.isEmpty()) {
            throw new BadInputException(file + ": expected the BEIR columns _id and " + String.join(", ", textColumns)
                    + "; found " + String.join(", ", columns));
        }
        return new CorpusSpec(file, ReadOptions.defaults(), new ColumnChoice(present, Optional.empty(), Optional.of("_id")))
                .read();
    }

    private static Map<String, Map<String, Integer>> judgements(Path qrels) {
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
                throw new CorpusFormatException(qrels, row.line(), score + 1, "score '" + row.cell(score)
                        + "' is not a whole number");
            }
            judged.computeIfAbsent(row.cell(query), id -> new HashMap<>()).put(row.cell(document), relevance);
        }
        return judged;
    }
}
