package org.embex.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void whatIsSetIsThereForTheNextStartWithoutBeingSaved() throws IOException {
        Path file = dir.resolve("embex").resolve("settings.properties");
        Path corpus = Files.writeString(dir.resolve("corpus.csv"), "text\nhello\n");
        Settings first = Settings.in(file);
        first.setText("method", "TSNE");
        first.setNumber("window.width", 1280.5);
        first.setFlag("dark", true);
        first.addRecentFile(corpus);

        // Nothing closed or flushed: a crash after these calls keeps them.
        Settings next = Settings.in(file);
        assertThat(next.text("method", "UMAP")).isEqualTo("TSNE");
        assertThat(next.number("window.width", 0)).isEqualTo(1280.5);
        assertThat(next.flag("dark", false)).isTrue();
        assertThat(next.recentFiles()).containsExactly(corpus.toAbsolutePath().normalize());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void anUnknownKeyGivesTheFallback() {
        Settings settings = Settings.in(dir.resolve("settings.properties"));
        assertThat(settings.text("model", "all-minilm-l6-v2")).isEqualTo("all-minilm-l6-v2");
        assertThat(settings.number("divider.0", 0.16)).isEqualTo(0.16);
        assertThat(settings.flag("labels", true)).isTrue();
        assertThat(dir.resolve("settings.properties")).doesNotExist();
    }

    @Test
    void recentFilesAreNewestFirstWithoutRepeatsAndOnlyThoseThatStillExist() throws IOException {
        Settings settings = Settings.in(dir.resolve("settings.properties"));
        Path a = Files.writeString(dir.resolve("a.csv"), "text\na\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "text\nb\n");
        Path gone = Files.writeString(dir.resolve("gone.csv"), "text\nc\n");
        settings.addRecentFile(a);
        settings.addRecentFile(gone);
        settings.addRecentFile(b);
        settings.addRecentFile(a);
        Files.delete(gone);
        assertThat(Settings.in(dir.resolve("settings.properties")).recentFiles()).containsExactly(a, b);
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsApply() throws IOException {
        Path file = dir.resolve("settings.properties");
        // A lone backslash-u escape with no hex digits is malformed for Properties.load.
        Files.writeString(file, "method=\\u00zz\n", StandardCharsets.ISO_8859_1);
        Settings settings = Settings.in(file);
        assertThat(settings.text("method", "UMAP")).isEqualTo("UMAP");
        assertThat(dir.resolve("settings.properties.unreadable")).hasContent("method=\\u00zz");
        settings.setText("method", "PCA");
        assertThat(Settings.in(file).text("method", "UMAP")).isEqualTo("PCA");
    }

    @Test
    void theUserFileFollowsXdgConfigHomeElseTheHomeConfigFolder() {
        Path home = Path.of("/home/someone");
        assertThat(Settings.userFile(Map.of("XDG_CONFIG_HOME", "/tmp/config"), home))
                .isEqualTo(Path.of("/tmp/config/embex/settings.properties"));
        assertThat(Settings.userFile(Map.of(), home)).isEqualTo(Path.of("/home/someone/.config/embex/settings.properties"));
        // A relative XDG path is invalid by the specification and ignored.
        assertThat(Settings.userFile(Map.of("XDG_CONFIG_HOME", "config"), home))
                .isEqualTo(Path.of("/home/someone/.config/embex/settings.properties"));
    }
}
