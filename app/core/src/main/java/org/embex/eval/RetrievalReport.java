package org.embex.eval;

/**
 * Retrieval quality averaged over the judged queries, each figure from 0 to 1.
 *
 * @param model    model id
 * @param queries  queries with at least one relevant document
 * @param documents documents searched
 */
public record RetrievalReport(String model, int queries, int documents, double ndcgAt10, double recallAt10,
                              double recallAt100, double mrrAt10, double mapAt100) {
}
