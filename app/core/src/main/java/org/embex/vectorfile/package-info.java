/**
 * Vectors users bring in their own files, read where a model would embed: a list column of a
 * Parquet file, a JSON array per row of a CSV, TSV or JSONL file, a {@code .npy} matrix or a
 * TensorBoard {@code vectors.tsv} aligned by row with a metadata file; each checked row by row
 * (one width, finite, not all zero) and fingerprinted by its values; and Parquet written back
 * with the vectors, the map and the clusters, for embex or any other reader.
 */
package org.embex.vectorfile;
