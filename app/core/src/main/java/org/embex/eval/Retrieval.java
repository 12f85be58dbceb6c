package org.embex.eval;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * Dense retrieval evaluated the BEIR way: documents embedded as passages, queries as queries
 * (each with the model's prefix), exact cosine ranking of the top {@value #DEPTH}, then nDCG@10,
 * recall@10 and @100, MRR@10 and MAP@100 against the judgements.
 */
public final class Retrieval {

    static final int DEPTH = 100;

    private Retrieval() {
    }

    public static RetrievalReport run(EmbeddingSource source, List<String> documentIds, List<String> documentTexts,
                                      List<String> queryIds, List<String> queryTexts,
                                      Map<String, Map<String, Integer>> judgements, ProgressListener listener) {
        List<Integer> judged = IntStream.range(0, queryIds.size())
                .filter(i -> judgements.getOrDefault(queryIds.get(i), Map.of()).values().stream().anyMatch(r -> r > 0))
                .boxed().toList();
        if (judged.isEmpty()) {
            throw new BadInputException("no query has a relevant document in the judgements");
        }
        int total = documentTexts.size() + judged.size();
        List<float[]> documents = source.embed(documentTexts, Role.PASSAGE, (done, ignored) -> listener.progress(done, total))
                .stream().map(Embedding::vector).toList();
        List<float[]> queries = source.embed(judged.stream().map(queryTexts::get).toList(), Role.QUERY,
                (done, ignored) -> listener.progress(documentTexts.size() + done, total)).stream().map(Embedding::vector).toList();
        VectorMatrix matrix = VectorMatrix.of(documents, source.descriptor().dims());

        List<List<Neighbour>> rankings = matrix.topK(queries, Math.min(DEPTH, matrix.rows()), Metric.COSINE);
        double[][] figures = IntStream.range(0, judged.size()).mapToObj(q -> {
            List<String> ranked = rankings.get(q).stream().map(neighbour -> documentIds.get(neighbour.index())).toList();
            Map<String, Integer> relevance = judgements.get(queryIds.get(judged.get(q)));
            return new double[] {
                RankingMetrics.ndcg(ranked, relevance, 10),
                RankingMetrics.recall(ranked, relevance, 10),
                RankingMetrics.recall(ranked, relevance, 100),
                RankingMetrics.reciprocalRank(ranked, relevance, 10),
                RankingMetrics.averagePrecision(ranked, relevance, 100)};
        }).toArray(double[][]::new);
        double[] mean = new double[5];
        for (double[] row : figures) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / figures.length;
            }
        }
        return new RetrievalReport(source.descriptor().id(), judged.size(), documents.size(), mean[0], mean[1], mean[2],
                mean[3], mean[4]);
    }
}
