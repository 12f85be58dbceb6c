/**
 * The use cases both faces call, so that the window and the commands give the same answers
 * (docs/decisions/0011): open a corpus and embed it ({@link org.embex.usecase.CorpusEmbedding},
 * giving an {@link org.embex.usecase.EmbeddedCorpus}), make or read back a layout
 * ({@link org.embex.usecase.Layouts}), search ({@link org.embex.usecase.Search}), the threshold
 * studies ({@link org.embex.usecase.GateStudy}, {@link org.embex.usecase.PairStudy},
 * {@link org.embex.usecase.ThresholdStudy}), STS ({@link org.embex.usecase.StsStudy}), clusters
 * and their names ({@link org.embex.usecase.Clusters}), model comparison
 * ({@link org.embex.usecase.ModelPair}), the other evaluations, and the gate in use. A
 * {@link org.embex.usecase.Workspace} holds the catalogue, the cache and the open models. Each
 * rule a face needs (defaults, label spellings, file layouts, cache keys) lives here once. No
 * JavaFX, no picocli: plain Java with {@code ProgressListener} and {@code CancellationToken}.
 */
package org.embex.usecase;
