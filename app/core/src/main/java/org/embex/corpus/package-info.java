/**
 * Reading the files users bring (CSV, TSV, JSONL, plain text, a folder of text files, Parquet, .npy) into rows
 * and named columns, by one rule for rows that do not fit ({@link org.embex.corpus.CorpusReader}):
 * stop at the first with file, line and column, or skip each and list it.
 */
package org.embex.corpus;
