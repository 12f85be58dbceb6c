package org.embex.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.embex.BadInputException;
import org.embex.corpus.Corpus;
import org.embex.gate.GateEvaluation;
import org.embex.gate.GateReport;
import org.embex.gate.GateScoring;
import org.embex.gate.IntentGate;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.VectorMatrix;

/**
 * The customer-service gate as a study: in-scope examples are the gate's references, labelled
 * queries are scored by it (cosine to the nearest example, or to each intent's centroid), and the
 * out-of-scope ones should be refused. One path for every face: {@code eval gate} prints the
 * report, the threshold workbench shows the study, and both come from the same scores.
 */
public final class GateStudy {

    private GateStudy() {
    }

    /**
     * The figures ({@code eval gate}) and the scores behind them (the workbench).
     *
     * @param read the files as they were read, with any rows skipped (none for a corpus already embedded)
     */
    public record Result(GateReport report, ThresholdStudy study, int references, List<Corpus> read) {
    }

    /**
     * One labelled corpus split as the workbench splits it: of each in-scope label, every other row
     * (in row order) becomes a reference example and the rest are in-scope queries; every row
     * labelled {@code outOfScope} is a query that should be refused. No query is among the
     * examples. Empty when the split leaves no references, no in-scope or no out-of-scope query.
     */
    public static Optional<Result> splitting(EmbeddedCorpus corpus, String outOfScope) {
        return splitting(corpus, outOfScope, GateScoring.NEAREST);
    }

    public static Optional<Result> splitting(EmbeddedCorpus corpus, String outOfScope, GateScoring scoring) {
        List<Integer> references = new ArrayList<>();
        List<Integer> queries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            String label = corpus.row(i).label();
            if (label == null || label.isEmpty()) {
                continue;
            }
            if (label.equals(outOfScope)) {
                queries.add(i);
            } else if (seen.merge(label, 1, Integer::sum) % 2 == 1) {
                references.add(i);
            } else {
                queries.add(i);
            }
        }
        boolean anyOut = queries.stream().anyMatch(i -> outOfScope.equals(corpus.row(i).label()));
        boolean anyIn = queries.stream().anyMatch(i -> !outOfScope.equals(corpus.row(i).label()));
        if (references.isEmpty() || !anyOut || !anyIn) {
            return Optional.empty();
        }
        IntentGate open = IntentGate.build(corpus.model(), corpus.fingerprint(), scoring, Double.NEGATIVE_INFINITY,
                references.stream().map(i -> corpus.row(i).label()).toList(),
                references.stream().map(i -> corpus.row(i).text()).toList(),
                references.stream().map(i -> corpus.vectors().row(i)).toList(), corpus.dims());
        String source = String.format("in scope vs '%s': %d reference examples, %d queries", outOfScope, references.size(),
                queries.size());
        return Optional.of(scored(open, source, queries.stream().map(i -> corpus.vectors().row(i)).toList(),
                queries.stream().map(i -> corpus.row(i).label()).toList(), outOfScope,
                queries.stream().map(i -> corpus.row(i).text()).toList(),
                queries.stream().mapToInt(Integer::intValue).toArray(), references.size(), List.of()));
    }

    /**
     * One labelled file, split as {@link #splitting} splits it: its out-of-scope label is looked for
     * before anything is embedded.
     *
     * @param hint how this face names the out-of-scope label, for the message when none is found
     */
    public static Result ofFile(Workspace workspace, String model, CorpusSpec spec, Optional<String> outOfScope, String hint,
                                GateScoring scoring, ProgressListener progress, CancellationToken cancellation) {
        Corpus rows = spec.read();
        String label = OutOfScope.require(spec.file(), rows.rows().stream().map(row -> row.label()).toList(), outOfScope, hint);
        EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, spec, rows, model, progress, cancellation);
        Result split = splitting(corpus, label, scoring).orElseThrow(() -> new BadInputException(spec.file()
                + ": splitting it leaves no in-scope example, in-scope query or out-of-scope query"));
        return new Result(split.report(), split.study(), split.references(), List.of(rows));
    }

    /**
     * A file of labelled in-scope examples (the references) and a file of labelled queries, of
     * which those labelled with the out-of-scope label (given, or one of its usual spellings) must
     * be refused.
     *
     * @param hint how this face names the out-of-scope label, for the message when none is found
     */
    public static Result ofFiles(Workspace workspace, String model, CorpusSpec references, CorpusSpec queries,
                                 Optional<String> outOfScope, String hint, GateScoring scoring, ProgressListener progress,
                                 CancellationToken cancellation) {
        var exampleRows = references.read();
        var queryRows = queries.read();
        List<String> queryLabels = queryRows.rows().stream().map(row -> row.label()).toList();
        String label = OutOfScope.require(queries.file(), queryLabels, outOfScope, hint);
        // The embedder counts distinct texts, each embedded once: so does the progress of both files.
        long exampleTexts = exampleRows.texts().stream().distinct().count();
        long total = exampleTexts + queryRows.texts().stream().distinct().count();
        EmbeddedCorpus examples = CorpusEmbedding.embed(workspace, references, exampleRows, model,
                (done, ignored) -> progress.progress(done, total), cancellation);
        EmbeddedCorpus asked = CorpusEmbedding.embed(workspace, queries, queryRows, model,
                (done, ignored) -> progress.progress(exampleTexts + done, total), cancellation);
        IntentGate open = IntentGate.build(examples.model(), examples.fingerprint(), scoring, Double.NEGATIVE_INFINITY,
                examples.labels(), examples.corpus().texts(), rows(examples.vectors()), examples.dims());
        int[] noRows = new int[asked.size()];
        Arrays.fill(noRows, -1);
        String source = String.format("gate: %,d examples from %s, %,d queries from %s", examples.size(),
                references.file().getFileName(), asked.size(), queries.file().getFileName());
        return scored(open, source, rows(asked.vectors()), queryLabels, label, asked.corpus().texts(), noRows, examples.size(),
                List.of(exampleRows, queryRows));
    }

    private static Result scored(IntentGate open, String source, List<float[]> queries, List<String> labels, String outOfScope,
                                 List<String> texts, int[] rows, int references, List<Corpus> read) {
        GateReport report = GateEvaluation.score(open, queries, labels, outOfScope);
        ThresholdStudy study = ThresholdStudy.of(open.modelId(), source, report.scores(), report.positive(), texts, rows,
                Optional.of(open));
        return new Result(report, study, references, read);
    }

    private static List<float[]> rows(VectorMatrix vectors) {
        List<float[]> rows = new ArrayList<>(vectors.rows());
        for (int i = 0; i < vectors.rows(); i++) {
            rows.add(vectors.row(i));
        }
        return rows;
    }
}
