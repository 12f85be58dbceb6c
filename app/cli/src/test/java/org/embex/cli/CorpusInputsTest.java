package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus commands (embed, search, cluster, project) under the reading rule: a bad row stops
 * them with file, line and column; {@code --skip-bad-rows} goes on and says which rows it left
 * out; a file without texts is a bad input; a folder reads like a file.
 */
class CorpusInputsTest {

    private static final String MODEL = "all-minilm-l6-v2";

    /** Twelve good rows about two topics and three bad ones: too many cells, too few, an empty text. */
    private static final String RAGGED = "text,label\n"
            + "my bill is too high,billing\n"
            + "why was I charged twice,billing\n"
            + "refund the extra charge,billing\n"
            + "the invoice amount is wrong,billing\n"
            + "I was billed for a plan I cancelled,billing\n"
            + "my payment failed,billing,extra\n"
            + "the internet is slow,network\n"
            + "no signal at home\n"
            + "wifi keeps dropping,network\n"
            + ",network\n"
            + "the router light is red,network\n"
            + "pages load very slowly,network\n"
            + "my calls drop all the time,network\n"
            + "can I get a copy of my bill,billing\n"
            + "the connection is down again,network\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    private Path cache() {
        return dir.resolve("cache.sqlite");
    }

    private Path ragged() throws IOException {
        return Files.writeString(dir.resolve("ragged.csv"), RAGGED);
    }

    private static void assertOneLineError(Run run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ").contains(fragments);
    }

    @Test
    void raggedRowStopsEveryCorpusCommandWithLineAndColumn() throws IOException {
        String file = ragged().toString();
        String where = "ragged.csv: line 7, column 3: 3 cells where the header has 2";
        assertOneLineError(Run.of("embed", file, "-m", MODEL, "--json"), where);
        assertOneLineError(Run.of("search", file, "-m", MODEL, "-q", "bill"), where);
        assertOneLineError(Run.of("cluster", file, "-m", MODEL, "--cache", cache().toString()), where);
        assertOneLineError(Run.of("project", file, "-m", MODEL, "--cache", cache().toString()), where);
    }

    @Test
    void jsonlTextThatIsNotAStringStopsEmbed() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jsonl"), "{\"text\": \"fine\"}\n{\"text\": 42}\n");
        assertOneLineError(Run.of("embed", file.toString(), "-m", MODEL), "a.jsonl: line 2, column 10: \"text\" is a number, not a string");
    }

    @Test
    void skippedRowsAreCountedAndListedInEmbedsJson() throws IOException {
        Run run = Run.of("embed", ragged().toString(), "-m", MODEL, "--skip-bad-rows", "--json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("texts").asInt()).isEqualTo(12);
        assertThat(json.get("skipped_rows").asInt()).isEqualTo(3);
        JsonNode skipped = json.get("skipped");
        assertThat(skipped).hasSize(3);
        assertThat(skipped.get(0).get("line").asLong()).isEqualTo(7);
        assertThat(skipped.get(0).get("reason").asText()).isEqualTo("3 cells where the header has 2");
        assertThat(skipped.get(1).get("line").asLong()).isEqualTo(9);
        assertThat(skipped.get(1).get("reason").asText()).isEqualTo("1 cell where the header has 2");
        assertThat(skipped.get(2).get("line").asLong()).isEqualTo(11);
        assertThat(skipped.get(2).get("column").asLong()).isEqualTo(1);
        assertThat(skipped.get(2).get("reason").asText()).isEqualTo("the text is empty");
    }

    @Test
    void skippedRowsAreOneWarningLineOnStderrInEveryCorpusCommand() throws IOException {
        String file = ragged().toString();
        String warning = "warning: " + file + ": skipped 3 bad rows: line 7, column 3: 3 cells where the header has 2; "
                + "line 9, column 2: 1 cell where the header has 2; line 11, column 1: the text is empty";
        Run embed = Run.of("embed", file, "-m", MODEL, "--skip-bad-rows", "--quiet");
        Run search = Run.of("search", file, "-m", MODEL, "-q", "bill", "--skip-bad-rows", "--quiet");
        Run cluster = Run.of("cluster", file, "-m", MODEL, "--k", "2", "--skip-bad-rows", "--quiet", "--cache", cache().toString());
        Run project = Run.of("project", file, "-m", MODEL, "--method", "pca", "--skip-bad-rows", "--quiet",
                "--cache", cache().toString());
        for (Run run : new Run[] {embed, search, cluster, project}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err().strip()).isEqualTo(warning);
        }
        assertThat(cluster.out()).contains("2 clusters");
        assertThat(project.out()).contains("layout of 12 points");
    }

    @Test
    void manySkippedRowsAreSummedUpAndTheJsonListsThemAll() throws IOException {
        StringBuilder text = new StringBuilder("text,label\nfine,a\n");
        for (int i = 0; i < 7; i++) {
            text.append("bad,").append(i).append(",x\n");
        }
        Path file = Files.writeString(dir.resolve("many.csv"), text);
        Run run = Run.of("search", file.toString(), "-m", MODEL, "-q", "fine", "--skip-bad-rows", "--quiet");
        assertThat(run.err().strip()).doesNotContain("\n").contains("skipped 7 bad rows: line 3, column 3", "and 4 more (--json lists them all)");
        Run json = Run.of("search", file.toString(), "-m", MODEL, "-q", "fine", "--skip-bad-rows", "--quiet", "--json");
        assertThat(json.json().get("skipped_rows").asInt()).isEqualTo(7);
        assertThat(json.json().get("skipped")).hasSize(7);
    }

    @Test
    void theOtherCommandsThatReadACorpusListTheRowsTheySkipToo() throws IOException {
        String file = ragged().toString();
        Run classify = Run.of("eval", "classify", "-m", MODEL, "--train", file, "--test", file, "--skip-bad-rows", "--json",
                "--quiet");
        assertThat(classify.exitCode()).as(classify.err()).isZero();
        assertThat(classify.json().get("skipped_rows").asInt()).isEqualTo(6);
        Run compare = Run.of("compare", file, "-m", MODEL, "-m", "bge-small-zh-v1.5", "-k", "3", "--skip-bad-rows", "--quiet",
                "--cache", cache().toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.err().strip()).startsWith("warning: " + file + ": skipped 3 bad rows");
        Run gate = Run.of("eval", "gate", "-m", MODEL, "--reference", file, "--queries", file, "--out-of-scope", "network",
                "--skip-bad-rows", "--json", "--quiet");
        assertThat(gate.json().get("skipped").get(0).get("line").asInt()).as(gate.err()).isEqualTo(7);
    }

    @Test
    void emptyFileIsABadInputThatSaysWhy() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path header = Files.writeString(dir.resolve("header.csv"), "text,label\n");
        assertOneLineError(Run.of("embed", empty.toString(), "-m", MODEL, "--json"), "empty.csv: no texts: the file is empty");
        assertOneLineError(Run.of("search", header.toString(), "-m", MODEL, "-q", "bill"),
                "header.csv: no texts: the file has a header (text, label) and no rows");
    }

    @Test
    void emptyFolderIsABadInputThatSaysWhy() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("empty"));
        assertOneLineError(Run.of("embed", folder.toString(), "-m", MODEL), "empty: no texts: the folder holds no .txt or .md files");
    }

    @Test
    void embedAndProjectReadAFolderOfTexts() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes/sub"));
        Files.writeString(folder.resolve("a.txt"), "my bill is too high\n");
        Files.writeString(dir.resolve("notes/b.md"), "how do I turn on roaming?\n");
        Files.writeString(dir.resolve("notes/c.txt"), "the internet is slow\n");
        Run embed = Run.of("embed", dir.resolve("notes").toString(), "-m", MODEL, "--json", "--quiet");
        assertThat(embed.exitCode()).as(embed.err()).isZero();
        assertThat(embed.json().get("texts").asInt()).isEqualTo(3);
        assertThat(embed.json().get("skipped_rows").asInt()).isZero();
        Run project = Run.of("project", dir.resolve("notes").toString(), "-m", MODEL, "--method", "pca", "--json", "--quiet",
                "--cache", cache().toString());
        assertThat(project.exitCode()).as(project.err()).isZero();
        assertThat(project.json().get("points").asInt()).isEqualTo(3);
    }
}
