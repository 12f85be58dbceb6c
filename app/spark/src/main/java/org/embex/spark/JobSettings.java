package org.embex.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * What the job embeds and where it writes.
 *
 * @param input      a Parquet, CSV, TSV or JSONL file or folder, as Spark reads it (any file system Spark knows)
 * @param format     parquet, csv, tsv or jsonl; empty to tell by the input's extension
 * @param text       the text columns, joined with a space (empty: the column {@code text}, else the first)
 * @param label      the label column (empty: {@code label} if there is one)
 * @param id         the id column (empty: {@code id} if there is one, else the row's number from 1)
 * @param model      the model's folder (model.json, model.onnx, tokenizer.json), shipped to every executor
 * @param output     the folder the parts are written to (any file system Spark knows)
 * @param partitions how many parts to write; 0 for as many as Spark reads the input in
 */
public record JobSettings(String input, Optional<String> format, List<String> text, Optional<String> label,
                          Optional<String> id, String model, String output, int partitions) implements Serializable {

    public JobSettings {
        text = List.copyOf(text);
        if (partitions < 0) {
            throw new BadInputException("--partitions must be at least 0, is " + partitions);
        }
    }

    /** The input's format: the one named, else told by its extension (a folder is read as Parquet). */
    public String formatInUse() {
        String named = format.orElseGet(() -> {
            String name = input.toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            return dot < 0 || dot < name.lastIndexOf('/') ? "parquet" : name.substring(dot + 1);
        });
        return switch (named) {
            case "parquet", "csv", "tsv" -> named;
            case "jsonl", "json", "ndjson" -> "jsonl";
            default -> throw new BadInputException(input + ": cannot tell its format from '" + named
                    + "'; name one with --format parquet|csv|tsv|jsonl");
        };
    }
}
