package org.embex.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accuracy, macro-F1 and the confusion table of predicted against gold labels. */
final class LabelScores {

    private LabelScores() {
    }

    static ClassificationReport.MethodResult of(List<String> gold, List<String> predicted) {
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            confusion.computeIfAbsent(gold.get(i), label -> new TreeMap<>()).merge(predicted.get(i), 1, Integer::sum);
            correct += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        TreeSet<String> labels = new TreeSet<>(gold);
        labels.addAll(predicted);
        double f1Sum = 0;
        for (String label : labels) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean isGold = gold.get(i).equals(label);
                boolean isPredicted = predicted.get(i).equals(label);
                tp += isGold && isPredicted ? 1 : 0;
                fp += !isGold && isPredicted ? 1 : 0;
                fn += isGold && !isPredicted ? 1 : 0;
            }
            f1Sum += tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        return new ClassificationReport.MethodResult((double) correct / gold.size(), f1Sum / labels.size(),
                new LinkedHashMap<>(confusion));
    }
}
