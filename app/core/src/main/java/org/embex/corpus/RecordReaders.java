package org.embex.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.embex.BadInputException;

/**
 * Opens the reader for a file's format, handing it the {@link BadRows} that decides what a bad
 * row does, so that the readers above ({@link CorpusReader}) can add their own bad rows to the
 * same list.
 */
final class RecordReaders {

    private RecordReaders() {
    }

    static RecordReader open(Path file, ReadOptions options, BadRows bad) {
        TableFormat format = options.formatOf(file);
        if (format == TableFormat.FOLDER) {
            return new FolderRecordReader(file, options.charset(), bad);
        }
        if (format == TableFormat.PARQUET) {
            return new ParquetRecordReader(file, bad);
        }
        if (format == TableFormat.NPY) {
            return new NpyRecordReader(file, bad);
        }
        LocatingReader reader = text(file, options.charset());
        try {
            return switch (format) {
                case CSV -> new DelimitedRecordReader(file, reader, ',', options, bad);
                case TSV -> new DelimitedRecordReader(file, reader, '\t', options, bad);
                case JSONL -> new JsonlRecordReader(file, reader, bad);
                case TXT -> new LineRecordReader(file, reader, bad);
                case FOLDER, PARQUET, NPY -> throw new IllegalStateException("handled above");
            };
        } catch (RuntimeException e) {
            // A reader that fails on the file's first record (a broken header) owns no reader yet: close it here.
            try {
                reader.close();
            } catch (java.io.IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The file's characters, decoded strictly. */
    static LocatingReader text(Path file, Charset charset) {
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file + " is a folder; name a file, or read the folder as one text per file");
            }
            return new LocatingReader(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16), charset);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
