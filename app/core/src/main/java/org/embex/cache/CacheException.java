package org.embex.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.embex.EmbexException;

/**
 * The cache file cannot be used: not a SQLite database, read-only, disk full, locked too long.
 * Whatever the transaction was writing is rolled back; what was committed before stays.
 */
public class CacheException extends EmbexException {

    private static final long serialVersionUID = 1L;

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Says in words what SQLite's result code means for the user. */
    static CacheException of(Path file, String doing, SQLException e) {
        String message = String.valueOf(e.getMessage());
        String why;
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
            why = "it is not a SQLite database; move it away or choose another cache with --cache";
        } else if (message.contains("SQLITE_READONLY") || message.contains("readonly")) {
            why = "it is read-only; choose a writable cache with --cache or EMBEX_CACHE";
        } else if (message.contains("SQLITE_FULL") || message.contains("disk is full") || almostNoSpaceLeft(file)) {
            why = "the disk is full; nothing of this batch was kept, everything before it was";
        } else if (message.contains("SQLITE_BUSY") || message.contains("locked")) {
            why = "another process held it locked for too long";
        } else if (message.contains("SQLITE_CANTOPEN")) {
            why = "it cannot be opened (does its folder exist and is it writable?)";
        } else if (message.contains("SQLITE_CORRUPT")) {
            why = "it is damaged; move it away, embex will start a new one";
        } else {
            why = message;
        }
        return new CacheException("cache " + file + ": cannot " + doing + ": " + why, e);
    }

    /**
     * SQLite rolls a transaction back by itself when the disk fills up at commit, and the driver
     * then only reports that no transaction was left to commit; the free space tells what happened.
     */
    private static boolean almostNoSpaceLeft(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            return dir != null && Files.getFileStore(dir).getUsableSpace() < 1 << 20;
        } catch (IOException e) {
            return false;
        }
    }
}
