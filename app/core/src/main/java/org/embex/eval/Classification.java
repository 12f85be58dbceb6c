package org.embex.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smile.classification.LogisticRegression;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.gate.GateScoring;
import org.embex.gate.IntentGate;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.vectors.DoubleRows;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * How well embeddings classify labelled texts, three ways: nearest label centroid, a
 * similarity-weighted vote of the {@value #K} nearest training texts, and a multinomial logistic
 * regression (Smile) trained on the vectors.
 */
public final class Classification {

    static final int K = 10;
    /** L2 penalty of the logistic regression: light, the data is small (vectors from a file may be any length). */
    private static final double LAMBDA = 1e-4;
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_ITERATIONS = 50;

    private Classification() {
    }

    public static ClassificationReport run(EmbeddingSource source, List<String> trainTexts, List<String> trainLabels,
                                           List<String> testTexts, List<String> testLabels, ProgressListener listener) {
        if (trainTexts.isEmpty() || testTexts.isEmpty()) {
            throw new BadInputException("classification needs training and test rows");
        }
        int total = trainTexts.size() + testTexts.size();
        List<float[]> train = source.embed(trainTexts, Role.TEXT, (done, ignored) -> listener.progress(done, total))
                .stream().map(Embedding::vector).toList();
        List<float[]> test = source.embed(testTexts, Role.TEXT,
                (done, ignored) -> listener.progress(trainTexts.size() + done, total)).stream().map(Embedding::vector).toList();
        return run(source.descriptor().id(), source.descriptor().dims(), trainTexts, train, trainLabels, test, testLabels);
    }

    /** The same three classifiers on vectors already made: a file's own, or a model's. */
    public static ClassificationReport run(String model, int dims, List<String> trainTexts, List<float[]> train,
                                           List<String> trainLabels, List<float[]> test, List<String> testLabels) {
        if (train.isEmpty() || test.isEmpty()) {
            throw new BadInputException("classification needs training and test rows");
        }
        Map<String, ClassificationReport.MethodResult> methods = new LinkedHashMap<>();
        IntentGate centroids = IntentGate.build(model, "", GateScoring.CENTROID, 0, trainLabels, trainTexts, train,
                dims);
        methods.put("centroid", LabelScores.of(testLabels, centroids.decideAll(test).stream().map(d -> d.intent()).toList()));
        methods.put("knn", LabelScores.of(testLabels, knn(VectorMatrix.of(train, dims), trainLabels, test)));
        methods.put("logreg", LabelScores.of(testLabels, logistic(train, trainLabels, test)));
        return new ClassificationReport(model, train.size(), test.size(), methods);
    }

    private static List<String> knn(VectorMatrix train, List<String> labels, List<float[]> test) {
        return train.topK(test, Math.min(K, train.rows()), Metric.COSINE).stream().map(neighbours -> {
            Map<String, Double> votes = new HashMap<>();
            for (Neighbour neighbour : neighbours) {
                votes.merge(labels.get(neighbour.index()), neighbour.score(), Double::sum);
            }
            return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }).toList();
    }

    private static List<String> logistic(List<float[]> train, List<String> labels, List<float[]> test) {
        List<String> classes = labels.stream().distinct().sorted().toList();
        if (classes.size() < 2) {
            return test.stream().map(vector -> classes.get(0)).toList();
        }
        Map<String, Integer> index = new HashMap<>();
        classes.forEach(label -> index.put(label, index.size()));
        int[] y = labels.stream().mapToInt(index::get).toArray();
        LogisticRegression model = LogisticRegression.fit(DoubleRows.of(train), y, LAMBDA, TOLERANCE, MAX_ITERATIONS);
        List<String> predicted = new ArrayList<>(test.size());
        for (double[] row : DoubleRows.of(test)) {
            predicted.add(classes.get(model.predict(row)));
        }
        return predicted;
    }
}
