package org.embex.model;

import java.nio.file.Path;

/** The SHA-256 of a file's content, as 64 lowercase hex digits. A cache may remember it by size and time. */
@FunctionalInterface
public interface FileHasher {

    String sha256(Path file);
}
