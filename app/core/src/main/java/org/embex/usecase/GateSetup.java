package org.embex.usecase;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.embex.BadInputException;
import org.embex.cache.CachingEmbedder;
import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.embed.Embedding;
import org.embex.gate.GateScoring;
import org.embex.gate.IntentGate;
import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * The gate command's setup as a threshold study: a file of labelled in-scope examples (the
 * gate's references) and a file of labelled queries, of which those labelled {@code outOfScope}
 * must be refused. Each query is scored by its nearest example's cosine.
 */
public final class GateSetup {

    private GateSetup() {
    }

    public static ThresholdStudy study(Workbench workbench, String model, Path references, Path queries, String outOfScope,
                                       ProgressListener progress, CancellationToken cancellation) {
        Corpus examples = CorpusSpec.defaults(references).read();
        Corpus asked = CorpusSpec.defaults(queries).read();
        if (examples.rows().isEmpty() || asked.rows().isEmpty()) {
            throw new BadInputException((examples.rows().isEmpty() ? references : queries) + ": no rows");
        }
        boolean[] positive = new boolean[asked.rows().size()];
        int inScope = 0;
        for (int i = 0; i < positive.length; i++) {
            positive[i] = !outOfScope.equals(asked.rows().get(i).label());
            inScope += positive[i] ? 1 : 0;
        }
        if (inScope == 0 || inScope == positive.length) {
            throw new BadInputException(queries + ": the queries need in-scope rows and rows labelled '" + outOfScope + "'");
        }
        CachingEmbedder source = workbench.source(model);
        long total = examples.rows().size() + asked.rows().size();
        List<float[]> exampleVectors = source.embed(examples.texts(), Role.TEXT, (done, ignored) -> {
            cancellation.check();
            progress.progress(done, total);
        }).stream().map(Embedding::vector).toList();
        List<float[]> queryVectors = source.embed(asked.texts(), Role.TEXT, (done, ignored) -> {
            cancellation.check();
            progress.progress(examples.rows().size() + done, total);
        }).stream().map(Embedding::vector).toList();
        IntentGate open = IntentGate.build(model, source.fingerprint().hex(), GateScoring.NEAREST, Double.NEGATIVE_INFINITY,
                examples.rows().stream().map(TextRow::label).toList(), exampleVectors, source.descriptor().dims());
        int[] rows = new int[queryVectors.size()];
        Arrays.fill(rows, -1);
        return ThresholdStudy.scoredBy(open, String.format("gate: %,d examples from %s, %,d queries from %s",
                examples.rows().size(), references.getFileName(), asked.rows().size(), queries.getFileName()), queryVectors,
                positive, asked.texts(), rows);
    }
}
