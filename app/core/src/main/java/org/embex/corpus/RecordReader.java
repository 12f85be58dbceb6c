package org.embex.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.embex.BadInputException;

/**
 * Streams the records of a file one at a time, so that a file of a million rows is never held
 * whole. Errors are {@link CorpusFormatException}s that say where.
 */
public interface RecordReader extends Iterator<SourceRecord>, AutoCloseable {

    /** The columns seen so far: all of them for CSV and TSV, those of the records read so far for JSONL. */
    List<String> columns();

    @Override
    void close();

    static RecordReader open(Path file, ReadOptions options) {
        TableFormat format = options.format().orElseGet(() -> TableFormat.of(file));
        if (format == TableFormat.FOLDER) {
            return new FolderRecordReader(file, options.charset());
        }
        LocatingReader reader = new LocatingReader(file, openStream(file), options.charset());
        return switch (format) {
            case CSV -> new DelimitedRecordReader(file, reader, ',', options.header());
            case TSV -> new DelimitedRecordReader(file, reader, '\t', options.header());
            case JSONL -> new JsonlRecordReader(file, reader);
            case TXT -> new LineRecordReader(reader);
            case FOLDER -> throw new IllegalStateException("handled above");
        };
    }

    private static InputStream openStream(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file + " is a folder; name a file, or read the folder as one text per file");
            }
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
