package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input ends in one line on stderr, exit code 2 and no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    private static void assertOneLineError(Run run, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ").contains(fragments);
    }

    @Test
    void unknownModelListsTheIds() {
        assertOneLineError(Run.of("similarity", "-m", "gpt-9", "a", "b"),
                "unknown model 'gpt-9'", "all-minilm-l6-v2", "e5-small-v2");
    }

    @Test
    void modelNotInstalledSaysHowToInstallIt() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models/e5-small-v2"));
        Files.copy(Run.modelsDir().resolve("e5-small-v2/model.json"), models.resolve("model.json"));
        assertOneLineError(Run.of("similarity", "-m", "e5-small-v2", "a", "b", "--models-dir", dir.resolve("models").toString()),
                "model e5-small-v2 is not installed", "./embex models install e5-small-v2");
    }

    @Test
    void fileThatIsNotUtf8GivesItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineError(Run.of("embed", file.toString(), "-m", "all-minilm-l6-v2", "-o", dir.resolve("x.npy").toString()),
                "line 2, column 3", "not UTF-8");
        assertThat(dir.resolve("x.npy")).doesNotExist();
    }

    @Test
    void unreadableFileIsNamed() {
        assertOneLineError(Run.of("embed", dir.resolve("missing.csv").toString(), "-m", "all-minilm-l6-v2", "-o", "x.npy"),
                "missing.csv: no such file");
    }

    @Test
    void missingColumnListsTheColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("pairs.csv"), "a,b,score\nx,y,1\nz,w,2\n");
        assertOneLineError(Run.of("eval", "sts", file.toString(), "-m", "all-minilm-l6-v2"),
                "no column 'sentence1'; columns: a, b, score");
    }

    @Test
    void scoreThatIsNotANumberGivesLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("pairs.csv"), "sentence1,sentence2,score\nx,y,1\nz,w,high\n");
        assertOneLineError(Run.of("eval", "sts", file.toString(), "-m", "all-minilm-l6-v2"),
                "line 3, column 3: score 'high' is not a number");
    }

    @Test
    void cacheThatIsNotADatabaseIsNamedAndLeftAlone() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"), "hello\n");
        Path notes = Files.writeString(dir.resolve("notes.sqlite"), "my notes, not a database\n".repeat(100));
        Run run = Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "--cache", notes.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").contains("is not an embex cache (it is not a SQLite database)");
        assertThat(Files.readString(notes)).startsWith("my notes");
    }

    @Test
    void unclosedQuoteGivesFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.csv"), "text,label\nok,a\nfine,\"never closed\nmore,c\n");
        assertOneLineError(Run.of("embed", file.toString(), "-m", "all-minilm-l6-v2"),
                "broken.csv: line 3, column 2: a quoted field opens here and is never closed");
    }

    @Test
    void unknownOptionIsABadInput() {
        Run run = Run.of("similarity", "-m", "all-minilm-l6-v2", "a", "b", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }
}
