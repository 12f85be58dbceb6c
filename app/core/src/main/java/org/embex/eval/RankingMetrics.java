package org.embex.eval;

import java.util.List;
import java.util.Map;

/**
 * Measures of one ranked list against graded relevance judgements, as trec_eval (and so BEIR)
 * computes them: linear gain, log2 discount, recall and average precision over all judged
 * relevant documents (relevance above 0).
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    static double ndcg(List<String> ranked, Map<String, Integer> relevance, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += relevance.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = relevance.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<String> ranked, Map<String, Integer> relevance, int k) {
        long relevant = relevantCount(relevance);
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> relevance.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    static double reciprocalRank(List<String> ranked, Map<String, Integer> relevance, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevance.getOrDefault(ranked.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static double averagePrecision(List<String> ranked, Map<String, Integer> relevance, int k) {
        long relevant = relevantCount(relevance);
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevance.getOrDefault(ranked.get(i), 0) > 0) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / relevant;
    }

    private static long relevantCount(Map<String, Integer> relevance) {
        return relevance.values().stream().filter(r -> r > 0).count();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
