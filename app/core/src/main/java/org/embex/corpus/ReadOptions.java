package org.embex.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a file: whether its first line names the columns, its encoding, and its format
 * when the extension does not tell.
 */
public record ReadOptions(boolean header, Charset charset, Optional<TableFormat> format) {

    public ReadOptions {
        Objects.requireNonNull(charset, "charset");
        format = Objects.requireNonNullElse(format, Optional.empty());
    }

    /** A header, UTF-8, format by extension. */
    public static ReadOptions defaults() {
        return new ReadOptions(true, StandardCharsets.UTF_8, Optional.empty());
    }

    public ReadOptions withHeader(boolean hasHeader) {
        return new ReadOptions(hasHeader, charset, format);
    }

    public ReadOptions withCharset(Charset other) {
        return new ReadOptions(header, other, format);
    }

    public ReadOptions withFormat(TableFormat other) {
        return new ReadOptions(header, charset, Optional.of(other));
    }
}
