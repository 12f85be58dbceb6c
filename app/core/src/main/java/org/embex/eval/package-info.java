/** Evaluation of embeddings against gold data: metrics as pure functions and the evaluations built on them. */
package org.embex.eval;
