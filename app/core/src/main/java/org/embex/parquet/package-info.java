/**
 * Parquet files through DuckDB's embedded engine (docs/decisions/0017), the one place besides the
 * cache that speaks SQL: a file's columns and types ({@link org.embex.parquet.ParquetTable}), its
 * text columns row by row ({@link org.embex.parquet.ParquetRows}), a vector column into one array
 * ({@link org.embex.parquet.ParquetVectors}), and rows with vectors written back
 * ({@link org.embex.parquet.ParquetSink}). No connection may fetch or load a DuckDB extension.
 */
package org.embex.parquet;
