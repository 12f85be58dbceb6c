package org.embex.cache;

import org.embex.embed.Embedding;

/** A vector stored for one exact string under one model, with what the tokenizer noticed. */
public record CachedVector(byte[] textHash, Embedding embedding) {
}
