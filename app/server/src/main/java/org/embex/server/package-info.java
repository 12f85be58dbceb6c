/**
 * {@code embex serve}: the third face over {@code org.embex.usecase}, a sibling of the command line
 * and the window. One process loads the models, the gates and a corpus once and answers over HTTP
 * (Jetty): OpenAI-compatible embeddings, gate decisions, neighbour search, health and metrics.
 * Requests that arrive together are embedded together and gates decide for them together ({@link org.embex.server.Batcher}).
 */
package org.embex.server;
