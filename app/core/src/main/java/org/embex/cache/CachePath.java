package org.embex.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.embex.BadInputException;

/**
 * What lies at a cache path, looked at before SQLite is given it. SQLite opens whatever it is
 * handed: a device gets a journal created beside it ({@code /dev/null-journal}), a missing file
 * is created empty, a text file is only found out when first read. So the path is judged here,
 * in words, and SQLite sees only a regular file that starts like a database, an empty one, or
 * none at all when the caller may create the cache.
 */
final class CachePath {

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String NAME_A_FILE = "name a file with --cache or EMBEX_CACHE (embex creates it)";

    private CachePath() {
    }

    /**
     * Throws a bad input unless {@code file} can hold a cache: a regular file that is empty or
     * starts like a SQLite database, or nothing yet when {@code create} is true (its folder is then
     * created).
     */
    static void requireUsable(Path file, boolean create) {
        if (Files.isDirectory(file)) {
            throw new BadInputException("cache " + file + " is a folder, not a file: " + NAME_A_FILE);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException("cache " + file + " is not a regular file: " + NAME_A_FILE);
        }
        if (!Files.exists(file)) {
            if (!create) {
                throw new BadInputException("there is no cache at " + file + " (no such file); name one with --cache or EMBEX_CACHE");
            }
            createFolder(file);
            return;
        }
        if (!startsLikeSqlite(file)) {
            throw notACache(file, "it is not a SQLite database");
        }
    }

    /** The error for a file embex will not write to because it belongs to someone else. */
    static BadInputException notACache(Path file, String what) {
        return new BadInputException("cache " + file + " is not an embex cache (" + what + "); embex leaves it alone: "
                + "choose another file with --cache or EMBEX_CACHE");
    }

    private static void createFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("cache " + file + ": " + e.getFile() + " is a file, so the cache cannot go in it: "
                    + NAME_A_FILE);
        } catch (AccessDeniedException e) {
            throw new CacheException("cache " + file + ": cannot create its folder " + parent + " (permission denied)", e);
        } catch (IOException e) {
            throw new CacheException("cache " + file + ": cannot create its folder " + parent, e);
        }
    }

    /** An empty file counts: SQLite makes a new database of it, and it holds nobody's data. */
    private static boolean startsLikeSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            return head.length == 0 || Arrays.equals(head, SQLITE_MAGIC);
        } catch (AccessDeniedException e) {
            throw new CacheException("cache " + file + ": cannot read it (permission denied)", e);
        } catch (IOException e) {
            throw new CacheException("cache " + file + ": cannot read it", e);
        }
    }
}
