package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.layout.LayoutWatch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/** A folder of text files is a corpus like a file: embedded, laid out, and its layout kept for its content. */
class FolderCorpusTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private Path folder;

    @BeforeEach
    void open() throws IOException {
        workspace = Workspace.open(UseCasesTest.models(), dir.resolve("vectors.sqlite"));
        folder = Files.createDirectories(dir.resolve("notes/sub"));
        Files.writeString(folder.resolve("a.txt"), "my bill is too high this month\n");
        Files.writeString(dir.resolve("notes/b.md"), "# Roaming\nhow do I turn on roaming abroad?\n");
        Files.writeString(dir.resolve("notes/c.txt"), "the internet is slow in the evening\n");
        folder = dir.resolve("notes");
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private EmbeddedCorpus embed() {
        return CorpusEmbedding.embed(workspace, CorpusSpec.defaults(folder), "all-minilm-l6-v2", ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void aFolderIsEmbeddedOneTextAFile() {
        EmbeddedCorpus corpus = embed();
        assertThat(corpus.size()).isEqualTo(3);
        assertThat(corpus.dims()).isEqualTo(384);
    }

    @Test
    void aFoldersLayoutIsKeptUntilOneOfItsFilesChanges() throws IOException {
        Layouts layouts = Layouts.defaults(workspace);
        assertThat(layouts.make(embed(), LayoutMethod.PCA, LayoutWatch.of(ProgressListener.NONE)).cached()).isFalse();
        assertThat(layouts.make(embed(), LayoutMethod.PCA, LayoutWatch.of(ProgressListener.NONE)).cached()).isTrue();

        Files.writeString(folder.resolve("c.txt"), "the internet is slow at night\n");
        assertThat(layouts.make(embed(), LayoutMethod.PCA, LayoutWatch.of(ProgressListener.NONE)).cached()).isFalse();
    }
}
