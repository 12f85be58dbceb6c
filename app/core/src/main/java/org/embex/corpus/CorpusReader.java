package org.embex.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * Reads the texts of a file into a {@link Corpus}, by one rule for every format.
 *
 * <p>The rule: a row is a text when it has as many cells as the header (CSV and TSV; without a
 * header, as the first row), its text fields are present and strings (JSONL), and its text is not
 * blank. The first row that breaks it stops the reading with a {@link CorpusFormatException}
 * naming file, line and column, because a file that does not hold the table it seems to is more
 * often misread (a wrong delimiter, an unquoted comma, the wrong text field) than meant, and a
 * silently dropped or padded row would make every figure after it wrong without a word. With
 * {@link ReadOptions#skipBadRows()} the reading goes on and the corpus lists each row it left
 * out, with the same words. Blank lines are not rows. A file with no texts at all is a bad input
 * that says why.
 */
public final class CorpusReader {

    private CorpusReader() {
    }

    public static Corpus readAll(Path file, ReadOptions options, ColumnChoice choice) {
        BadRows bad = new BadRows(options.skipBadRows());
        List<TextRow> rows = new ArrayList<>();
        try (RecordReader records = RecordReaders.open(file, options, bad)) {
            if (records.hasNext()) {
                ColumnChoice.Bound bound = choice.bind(file, records.columns(), options.header(),
                        options.formatOf(file) != TableFormat.JSONL);
                while (records.hasNext()) {
                    SourceRecord record = records.next();
                    Optional<CorpusFormatException> problem = bound.problem(record);
                    if (problem.isPresent()) {
                        bad.reject(problem.get());
                    } else {
                        rows.add(bound.toRow(record));
                    }
                }
            }
            if (rows.isEmpty()) {
                throw noTexts(file, options, records.columns(), records.skipped());
            }
            return new Corpus(file, records.columns(), rows, records.skipped());
        }
    }

    private static BadInputException noTexts(Path file, ReadOptions options, List<String> columns, List<SkippedRow> skipped) {
        TableFormat format = options.formatOf(file);
        String why;
        if (!skipped.isEmpty()) {
            why = "every row is bad (" + skipped.size() + " skipped; the first: " + skipped.get(0).describe(file) + ")";
        } else if (format == TableFormat.FOLDER) {
            why = "the folder holds no .txt or .md files";
        } else if (options.header() && !columns.isEmpty() && (format == TableFormat.CSV || format == TableFormat.TSV)) {
            why = "the file has a header (" + String.join(", ", columns) + ") and no rows";
        } else {
            why = isEmpty(file) ? "the file is empty" : "the file has only blank lines";
        }
        return new BadInputException(file + ": no texts: " + why);
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
