package org.embex.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.embex.EmbexException;

/**
 * The cache file cannot be used: damaged, read-only, disk full, locked too long. Whatever the
 * transaction was writing is rolled back; what was committed before stays. A path that holds no
 * embex cache is a bad input instead ({@link CachePath}). The message never quotes SQLite: its
 * words ("database disk image is malformed") name neither the file nor the way out.
 */
public class CacheException extends EmbexException {

    private static final long serialVersionUID = 1L;

    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether SQLite found the file damaged: a corrupt b-tree page, or a page that is not a database page at all. */
    static boolean isDamage(SQLException e) {
        int code = primary(e);
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /** The error for a cache that SQLite's check found damaged, with the command that copies its good rows out. */
    static CacheException damaged(Path file, int problems) {
        return new CacheException(damagedMessage(file, problems));
    }

    static CacheException damaged(Path file, int problems, SQLException cause) {
        return new CacheException(damagedMessage(file, problems), cause);
    }

    private static String damagedMessage(Path file, int problems) {
        String found = problems == 0 ? "SQLite reported it while reading"
                : "SQLite's integrity check found " + problems + (problems == 1 ? " problem" : " problems");
        return "cache " + file + " is damaged (" + found + "); copy its good rows into a new cache with: ./embex cache recover "
                + "--cache " + file + " --to " + CacheRecovery.suggestedTarget(file);
    }

    /** Says in words what SQLite's result code means for the user. */
    static CacheException of(Path file, String doing, SQLException e) {
        if (isDamage(e)) {
            return damaged(file, 0, e);
        }
        String message = String.valueOf(e.getMessage());
        int code = primary(e);
        String why;
        if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
            why = "it is read-only; choose a writable cache with --cache or EMBEX_CACHE";
        } else if (code == SQLiteErrorCode.SQLITE_FULL.code || message.contains("disk is full") || almostNoSpaceLeft(file)) {
            why = "the disk is full; nothing of this batch was kept, everything before it was";
        } else if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            why = "another process held it locked for too long";
        } else if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            why = "it cannot be opened (does its folder exist and is it writable?)";
        } else if (code == SQLiteErrorCode.SQLITE_PERM.code || code == SQLiteErrorCode.SQLITE_AUTH.code) {
            why = "permission denied";
        } else if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
            why = "the disk reported an input/output error";
        } else if (code == SQLiteErrorCode.SQLITE_NOMEM.code) {
            why = "out of memory";
        } else {
            why = "SQLite failed with result code " + code + " (EMBEX_DEBUG=1 shows its words)";
        }
        return new CacheException("cache " + file + ": cannot " + doing + ": " + why, e);
    }

    /** SQLite's primary result code (the low byte of an extended one such as SQLITE_CORRUPT_INDEX). */
    private static int primary(SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code : e.getErrorCode();
        return code & 0xFF;
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
