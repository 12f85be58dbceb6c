/**
 * Recommendations by content: a profile from liked rows, the nearest rows not yet liked, each
 * with the liked row that brought it in ({@link org.embex.recommend.Recommender}), and an
 * evaluation that measures recommending rather than label purity
 * ({@link org.embex.recommend.RecommendationEvaluation}).
 */
package org.embex.recommend;
