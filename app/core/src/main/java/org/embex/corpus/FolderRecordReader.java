package org.embex.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.BadInputException;

/**
 * A folder of {@code .txt} and {@code .md} files ({@link TextFolder}), one text a file: the
 * column {@code id} is the file's path inside the folder, {@code text} its content. Each record
 * names its own file, so a problem with one text is reported at that file.
 */
final class FolderRecordReader extends LookaheadReader {

    private static final List<String> COLUMNS = List.of("id", "text");

    private final Path folder;
    private final Charset charset;
    private final Iterator<Path> files;

    FolderRecordReader(Path folder, Charset charset, BadRows bad) {
        super(bad);
        this.folder = folder;
        this.charset = charset;
        this.files = TextFolder.files(folder).iterator();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    protected SourceRecord fetch() {
        if (!files.hasNext()) {
            return null;
        }
        Path file = files.next();
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("id", Cell.string(folder.relativize(file).toString(), 1));
        cells.put("text", Cell.string(read(file), 1));
        return new SourceRecord(file, 1, cells);
    }

    private String read(Path file) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new LocatingReader(file, Files.newInputStream(file), charset)) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return text.toString().strip();
    }

    @Override
    public void close() {
        // Each file is closed as soon as it is read.
    }
}
