package org.embex.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.embex.BadInputException;
import org.embex.parquet.ParquetParts;

/**
 * The inputs embex reads, told apart by file extension; a folder holds one text per file, unless
 * all its files are Parquet parts (as Spark writes them), which are read as one Parquet file. Parquet
 * and NumPy files bring vectors of their own ({@code org.embex.vectorfile}); as a corpus, a
 * Parquet file gives its other columns and a {@code .npy} file only its row numbers.
 */
public enum TableFormat {
    CSV,
    TSV,
    JSONL,
    TXT,
    PARQUET,
    NPY,
    FOLDER;

    public static TableFormat of(Path file) {
        if (Files.isDirectory(file)) {
            return ParquetParts.isPartsFolder(file) ? PARQUET : FOLDER;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return PARQUET;
        }
        if (name.endsWith(".npy")) {
            return NPY;
        }
        if (name.endsWith(".txt") || name.endsWith(".md") || !name.contains(".")) {
            return TXT;
        }
        throw new BadInputException(file + ": unknown format; expected .csv, .tsv, .jsonl, .txt, .parquet, .npy or a folder");
    }

    public static TableFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown format '" + name + "', expected csv, tsv, jsonl, txt, parquet, npy or folder");
        }
    }
}
