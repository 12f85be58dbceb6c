package org.embex.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.embex.BadInputException;

/** SHA-256 of files and strings, the hashes embex keys its caches by. */
public final class ContentHash {

    /** Reads the whole file each time; {@code VectorCache} remembers results by size and modification time. */
    public static final FileHasher UNCACHED = ContentHash::ofFile;

    private ContentHash() {
    }

    public static String ofFile(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static byte[] ofText(String text) {
        return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String ofBytesHex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static String ofTextHex(String text) {
        return HexFormat.of().formatHex(ofText(text));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
