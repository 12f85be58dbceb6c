/**
 * The embex engine: everything a view or a command needs, with no user interface. Flow runs one
 * way: corpus, model, embedder, vectors, analyses. {@link org.embex.EmbexException} and
 * {@link org.embex.BadInputException} are the errors every layer speaks.
 */
package org.embex;
