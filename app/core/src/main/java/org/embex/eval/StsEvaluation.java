package org.embex.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/**
 * Semantic textual similarity: the cosine of each pair's embeddings against a gold score, as
 * correlations (the STS Benchmark protocol). Each distinct sentence is embedded once.
 */
public final class StsEvaluation {

    private StsEvaluation() {
    }

    public static StsResult run(EmbeddingSource embedder, List<String> left, List<String> right, double[] gold,
                                ProgressListener listener) {
        if (left.size() != right.size() || left.size() != gold.length) {
            throw new IllegalArgumentException("left, right and gold must be equally long");
        }
        Set<String> distinct = new LinkedHashSet<>(left);
        distinct.addAll(right);
        List<String> sentences = new ArrayList<>(distinct);
        List<Embedding> embeddings = embedder.embed(sentences, Role.TEXT, listener);
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            vectors.put(sentences.get(i), embeddings.get(i).vector());
        }
        double[] predicted = new double[gold.length];
        for (int i = 0; i < gold.length; i++) {
            predicted[i] = Metric.cosine(vectors.get(left.get(i)), vectors.get(right.get(i)));
        }
        return new StsResult(embedder.descriptor().id(), gold.length,
                100 * Correlation.spearman(predicted, gold), 100 * Correlation.pearson(predicted, gold));
    }
}
