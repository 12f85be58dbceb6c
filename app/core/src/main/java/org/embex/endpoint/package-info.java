/**
 * Models that run behind an OpenAI-compatible embeddings endpoint: the HTTP client (batches,
 * retries with backoff, timeouts, one-line errors) and the model over it, fingerprinted by what
 * the endpoint answers for a fixed probe text. The one place where texts leave the machine, and
 * only to an address the user wrote in a model's {@code model.json}.
 */
package org.embex.endpoint;
