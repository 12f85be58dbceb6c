package org.embex.cache;

import java.nio.file.Path;

/** A corpus opened before: its file, column choice, content hash, rows and when it was opened. */
public record CorpusRecord(Path path, String columns, long size, String sha256, long rows, long openedMillis) {
}
