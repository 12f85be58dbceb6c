/**
 * The vector cache: a SQLite file that keeps every vector embex computed, keyed by model
 * fingerprint and embedded string, plus the hashes of files and the corpora opened. The only
 * package that touches {@code java.sql}. It writes only to files it recognises as embex caches and
 * only once SQLite's quick check has passed; a damaged cache's good rows can be copied into a new
 * one ({@code CacheRecovery}). docs/decisions/0005 and 0012.
 */
package org.embex.cache;
