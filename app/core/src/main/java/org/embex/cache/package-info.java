/**
 * The vector cache: a SQLite file that keeps every vector embex computed, keyed by model
 * fingerprint and embedded string, plus the hashes of files and the corpora opened. The only
 * package that touches {@code java.sql}.
 */
package org.embex.cache;
