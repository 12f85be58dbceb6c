package org.embex.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a file: whether its first line names the columns, its encoding, its format when
 * the extension does not tell, and what to do with a row that breaks the reading rule (see
 * {@link CorpusReader}): stop there, or skip it and report it with the others.
 */
public record ReadOptions(boolean header, Charset charset, Optional<TableFormat> format, boolean skipBadRows) {

    public ReadOptions {
        Objects.requireNonNull(charset, "charset");
        format = Objects.requireNonNullElse(format, Optional.empty());
    }

    /** A header, UTF-8, format by extension, stop at the first bad row. */
    public static ReadOptions defaults() {
        return new ReadOptions(true, StandardCharsets.UTF_8, Optional.empty(), false);
    }

    public ReadOptions withHeader(boolean hasHeader) {
        return new ReadOptions(hasHeader, charset, format, skipBadRows);
    }

    public ReadOptions withCharset(Charset other) {
        return new ReadOptions(header, other, format, skipBadRows);
    }

    public ReadOptions withFormat(TableFormat other) {
        return new ReadOptions(header, charset, Optional.of(other), skipBadRows);
    }

    public ReadOptions withSkipBadRows(boolean skip) {
        return new ReadOptions(header, charset, format, skip);
    }

    /** The format in effect for {@code file}: the one named, else the one its extension tells. */
    public TableFormat formatOf(Path file) {
        return format.orElseGet(() -> TableFormat.of(file));
    }
}
