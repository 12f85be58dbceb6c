package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** What a user reads when something is wrong: one line, what and where, and the exit code the README gives. */
@Tag("model")
class MessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = Run.englishSample().toString();

    @TempDir
    static Path dir;

    private static Path gate;

    @BeforeAll
    static void exportAGate() {
        Run.installDefaultModels();
        gate = dir.resolve("gate.json");
        Run export = Run.of("eval", "gate", SAMPLE, "-m", "all-minilm-l6-v2", "--export", gate.toString(), "--quiet");
        assertThat(export.exitCode()).as(export.err()).isZero();
    }

    private static void assertOneLine(Run run, int exit, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                .contains(fragments);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "threshold|                |field 'threshold' is missing",
        "threshold|null            |field 'threshold' is missing",
        "threshold|\"abc\"         |field 'threshold' must be a finite number, is \"abc\"",
        "threshold|5               |field 'threshold' is 5.0, outside the cosine's range",
        "vectors  |[]              |field 'vectors' must be a non-empty list",
        "intents  |[\"a\", 3]      |field 'intents[1]' must be a non-empty string",
        "dims     |-4              |field 'dims' must be a positive whole number",
        "scoring  |\"farthest\"    |field 'scoring' must be nearest or centroid",
        "model    |\"\"            |field 'model' must be a non-empty string"})
    void aGateFileWithAWrongFieldNamesTheField(String field, String value, String message) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(gate.toFile());
        if (value == null) {
            json.remove(field);
        } else {
            json.set(field, JSON.readTree(value));
        }
        Path broken = Files.writeString(dir.resolve("broken-" + field + ".json"), JSON.writeValueAsString(json));
        assertOneLine(Run.of("gate", "--config", broken.toString()), ExitCode.BAD_INPUT, "broken-" + field + ".json", message);
    }

    @Test
    void aGateFileOfAnotherModelsSizeIsRefused() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(gate.toFile());
        json.put("model", "bge-small-zh-v1.5");
        Path other = Files.writeString(dir.resolve("other.json"), JSON.writeValueAsString(json));
        assertOneLine(Run.of("gate", "--config", other.toString()), ExitCode.BAD_INPUT, "field 'dims' is 384",
                "bge-small-zh-v1.5 makes vectors of 512");
    }

    @Test
    void aTruncatedGateFileSaysWhereWithoutJacksonsInternals() throws IOException {
        String whole = Files.readString(gate);
        Path truncated = Files.writeString(dir.resolve("truncated.json"), whole.substring(0, whole.indexOf("\"threshold\"") + 5));
        Run run = Run.of("gate", "--config", truncated.toString());
        assertOneLine(run, ExitCode.BAD_INPUT, "truncated.json: not valid JSON at line");
        assertThat(run.err()).doesNotContain("Source").doesNotContain("REDACTED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "search|-k|abc|Invalid value for option '-k'",
        "search|--metric|foo|Invalid value for option '--metric'"})
    void aWrongOptionIsOneLineWithAHint(String command, String option, String value, String message) {
        Run run = Run.of(command, SAMPLE, "-m", "all-minilm-l6-v2", "-q", "x", option, value);
        assertOneLine(run, ExitCode.BAD_INPUT, message, "(see 'embex " + command + " --help')");
    }

    @Test
    void helpOfACommandWithRequiredOptionsIsHelp() {
        Run run = Run.of("search", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: embex search").contains("-q=TEXT");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void evalGateHelpHasNoFormatWarning() {
        Run run = Run.of("eval", "gate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("keeps 95% of in-scope queries");
        assertThat(run.out() + run.err()).doesNotContain("WARN");
    }

    @Test
    void aModelFolderWithoutItsOnnxFileNamesTheFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("models/all-minilm-l6-v2"));
        Files.copy(Run.modelsDir().resolve("all-minilm-l6-v2/model.json"), folder.resolve("model.json"));
        Files.copy(Run.modelsDir().resolve("all-minilm-l6-v2/tokenizer.json"), folder.resolve("tokenizer.json"));
        assertOneLine(Run.of("similarity", "-m", "all-minilm-l6-v2", "a", "b", "--models-dir", dir.resolve("models").toString()),
                ExitCode.BAD_INPUT, "has no model.onnx", "./embex models install all-minilm-l6-v2");
    }

    @Test
    void aModelsDirThatIsNotThereIsNamed() {
        assertOneLine(Run.of("models", "--models-dir", dir.resolve("nowhere").toString()), ExitCode.BAD_INPUT,
                "there is no model catalogue at " + dir.resolve("nowhere"));
    }

    @Test
    void anErrorAfterAProgressBarStartsOnALineOfItsOwn() {
        StringWriter written = new StringWriter();
        StderrLine err = new StderrLine(written);
        new ProgressBar(err, "embedding").progress(40, 100);
        CommandLine commandLine = EmbexCommand.commandLine();
        commandLine.setErr(err);
        new ErrorHandler().handleExecutionException(new org.embex.BadInputException("broken at line 7"), commandLine, null);
        String[] lines = written.toString().split("\n", -1);
        assertThat(lines[lines.length - 2]).isEqualTo("embex: broken at line 7");
        assertThat(lines[lines.length - 3]).contains("embedding");
    }

    @Test
    void aValueThatCannotBeAPathIsSaidWithoutJavaTypes() {
        Run run = Run.of("gate", "--config", "\u0000");
        assertOneLine(run, ExitCode.BAD_INPUT, "Invalid value for option '--config': cannot convert", "to a path");
        assertThat(run.err()).doesNotContain("java.");
    }

    @Test
    void aModelNameThatCannotBeAPathIsAnUnknownModel() {
        assertOneLine(Run.of("similarity", "-m", "bad\u0000name", "a", "b"), ExitCode.BAD_INPUT, "unknown model 'bad");
    }

    @Test
    void pruneAgainstAMissingOrEmptyCatalogueDeletesNothing() throws IOException {
        Path cache = dir.resolve("prune.sqlite");
        assertThat(Run.of("embed", SAMPLE, "-m", "all-minilm-l6-v2", "--cache", cache.toString(), "--quiet").exitCode()).isZero();
        assertOneLine(Run.of("cache", "prune", "--cache", cache.toString(), "--models-dir", dir.resolve("typo").toString()),
                ExitCode.BAD_INPUT, "there is no model catalogue at");
        Path empty = Files.createDirectories(dir.resolve("empty-catalogue"));
        assertOneLine(Run.of("cache", "prune", "--cache", cache.toString(), "--models-dir", empty.toString()),
                ExitCode.BAD_INPUT, "pruning would delete every vector");
        assertThat(Run.of("cache", "stats", "--cache", cache.toString(), "--json").json().get("vectors").asInt()).isEqualTo(402);
    }
}
