package org.embex.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.embex.BadInputException;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.RowFilter;
import org.embex.corpus.TableFormat;
import org.embex.usecase.CorpusSpec;

/** Which columns of the input file to read, and how. */
public final class ColumnOptions {

    @Option(names = "--text", paramLabel = "COL",
            description = "Text column, by name or 1-based position; repeat to join several (default: text, else the first).")
    List<String> text = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COL", description = "Label column (default: label, if present).")
    String label;

    @Option(names = "--id", paramLabel = "COL", description = "Id column (default: id, else the line number).")
    String id;

    @Option(names = "--no-header", description = "The file's first line is data, not column names.")
    boolean noHeader;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "The file's encoding (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, tsv, jsonl, txt or folder, when the extension does not tell.")
    String format;

    @Option(names = "--skip-bad-rows",
            description = "Skip rows whose cells do not match the header, or whose text is missing, not a string or empty, "
                    + "and list them, instead of stopping at the first.")
    boolean skipBadRows;

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Only the rows that pass: COLUMN=A,B (one of), COLUMN!=A,B (none of), COLUMN~WORDS (contains, "
                    + "any case), COLUMN>=N, <=N, >N, <N (numbers); COLUMN is a column of the file, or text, label or id. "
                    + "Repeat to combine: a row passes all. The window's Filter tab says its filter in these words.")
    List<String> where = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    public ColumnChoice choice() {
        return new ColumnChoice(text, Optional.ofNullable(label), Optional.ofNullable(id));
    }

    public ReadOptions readOptions() {
        if (skipBadRows && !(command.userObject() instanceof ShowsSkippedRows)) {
            throw new BadInputException("--skip-bad-rows: " + command.qualifiedName()
                    + " cannot list the rows it would skip; fix them, or look at them with embed --skip-bad-rows --json");
        }
        ReadOptions options = ReadOptions.defaults().withHeader(!noHeader).withCharset(charset()).withSkipBadRows(skipBadRows);
        return format == null ? options : options.withFormat(TableFormat.parse(format));
    }

    /** The file and how to read it, as every use case on a corpus takes it. */
    public CorpusSpec spec(Path file) {
        return new CorpusSpec(file, readOptions(), choice(), RowFilter.parse(where));
    }

    private Charset charset() {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadInputException("unknown encoding '" + encoding + "'");
        }
    }
}
