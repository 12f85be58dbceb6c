package org.embex.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import org.embex.EmbexException;

/**
 * Jars fetched over HTTP(S) from a Maven repository's standard layout, for an installed embex that
 * has no Maven: the jar and the SHA-1 the repository publishes beside it, the jar's digest checked
 * against it before the jar is used. Jars are kept in {@code downloads} (written beside their final
 * name and moved into place), so a model installed again is not fetched again. Used only by an
 * explicit {@code models install}: the one network use besides an endpoint the user configured.
 */
public final class RemoteMavenRepository implements ArtifactResolver {

    /** Maven Central, where the catalogue's model jars are published. */
    public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    private final URI base;
    private final Path downloads;
    private final HttpClient client;

    public RemoteMavenRepository(URI base, Path downloads) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.downloads = downloads;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Path jar(MavenArtifact artifact) {
        Path jar = artifact.jarIn(downloads);
        URI jarUri = base.resolve(artifact.jarPath());
        String expected = publishedSha1(URI.create(jarUri + ".sha1"));
        if (Files.isRegularFile(jar) && expected.equals(sha1(jar))) {
            return jar;
        }
        try {
            Files.createDirectories(jar.getParent());
            Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
            String actual = download(jarUri, partial);
            if (!actual.equals(expected)) {
                Files.deleteIfExists(partial);
                throw new EmbexException(jarUri + ": the jar's SHA-1 is " + actual + " but the repository publishes "
                        + expected + "; not installed (a damaged download, or not the published jar)");
            }
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new EmbexException("cannot fetch " + jarUri + " into " + downloads + ": " + e.getMessage(), e);
        }
    }

    /** The published checksum file holds the hex digest, sometimes followed by the file's name. */
    private String publishedSha1(URI uri) {
        String body = new String(get(uri, HttpResponse.BodyHandlers.ofByteArray()), StandardCharsets.US_ASCII).strip();
        String digest = body.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!digest.matches("[0-9a-f]{40}")) {
            throw new EmbexException(uri + " is not a SHA-1 checksum (starts with '"
                    + body.substring(0, Math.min(40, body.length())) + "')");
        }
        return digest;
    }

    /** Streams the body into {@code target}, returning its SHA-1. */
    private String download(URI uri, Path target) throws IOException {
        MessageDigest digest = newSha1();
        try (InputStream in = get(uri, HttpResponse.BodyHandlers.ofInputStream());
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private <T> T get(URI uri, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
        try {
            HttpResponse<T> response = client.send(request, handler);
            if (response.statusCode() != 200) {
                if (response.body() instanceof InputStream stream) {
                    stream.close();
                }
                throw new EmbexException(uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new EmbexException("cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbexException("interrupted while fetching " + uri, e);
        }
    }

    private static String sha1(Path file) {
        MessageDigest digest = newSha1();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new EmbexException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
