/**
 * Benchmark harnesses: plain programs, run by {@code bench/run}, that put embex beside its peers
 * on the same inputs in one JVM and print the figures, as a table or as one JSON object. They
 * measure what a user would see on their own machine, so they favour a few repeated full passes
 * over statistical rigour; JMH would isolate smaller pieces than the ones users wait for.
 */
package org.embex.bench;
