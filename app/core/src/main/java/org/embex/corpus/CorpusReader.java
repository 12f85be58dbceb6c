package org.embex.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the texts of a file, one {@link TextRow} at a time, or all of them into a {@link Corpus}. */
public final class CorpusReader {

    private CorpusReader() {
    }

    /** Hands each row to {@code sink} as it is read; returns the file's columns. */
    public static List<String> read(Path file, ReadOptions options, ColumnChoice choice, Consumer<TextRow> sink) {
        try (RecordReader records = RecordReader.open(file, options)) {
            if (!records.hasNext()) {
                return List.copyOf(records.columns());
            }
            ColumnChoice.Bound bound = choice.bind(file, records.columns(), options.header());
            while (records.hasNext()) {
                sink.accept(bound.toRow(records.next()));
            }
            return List.copyOf(records.columns());
        }
    }

    public static Corpus readAll(Path file, ReadOptions options, ColumnChoice choice) {
        List<TextRow> rows = new ArrayList<>();
        List<String> columns = read(file, options, choice, rows::add);
        return new Corpus(file, columns, List.copyOf(rows));
    }
}
