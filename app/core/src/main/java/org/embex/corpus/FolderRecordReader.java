package org.embex.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.embex.BadInputException;

/**
 * A folder of {@code .txt} and {@code .md} files, found at any depth, one text a file: the
 * column {@code id} is the file's path inside the folder, {@code text} its content.
 */
final class FolderRecordReader extends LookaheadReader {

    private static final List<String> COLUMNS = List.of("id", "text");

    private final Path folder;
    private final Charset charset;
    private final Iterator<Path> files;

    FolderRecordReader(Path folder, Charset charset) {
        this.folder = folder;
        this.charset = charset;
        try (Stream<Path> walk = Files.walk(folder)) {
            this.files = walk.filter(Files::isRegularFile)
                    .filter(FolderRecordReader::isText)
                    .sorted()
                    .toList()
                    .iterator();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md");
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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", folder.relativize(file).toString());
        fields.put("text", read(file));
        return new SourceRecord(1, fields);
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
