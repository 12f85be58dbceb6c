package org.embex.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;

class CorpusReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void csvWithQuotesNewlinesAndBom() throws IOException {
        Path file = write("a.csv", "\uFEFFid,text,label\n1,\"Hello, \"\"world\"\"\",greet\n2,\"two\nlines\",x\n3,plain,y\n");
        Table table = TableReader.read(file, true);
        assertThat(table.columns()).containsExactly("id", "text", "label");
        assertThat(table.values(1)).containsExactly("Hello, \"world\"", "two\nlines", "plain");
        assertThat(table.rows()).extracting(Table.Row::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void tsvWithoutHeaderNamesColumnsByPosition() throws IOException {
        Table table = TableReader.read(write("a.tsv", "a\tb\t1.0\nc\td\t2.5\n"), false);
        assertThat(table.columns()).containsExactly("1", "2", "3");
        assertThat(table.values(table.column("3"))).containsExactly("1.0", "2.5");
    }

    @Test
    void jsonlKeepsEveryKeyAsAColumn() throws IOException {
        Table table = TableReader.read(write("a.jsonl", "{\"text\": \"hi\", \"label\": \"x\"}\n\n{\"text\": \"yo\", \"n\": 3}\n"), true);
        assertThat(table.columns()).containsExactly("text", "label", "n");
        assertThat(table.rows().get(1).cells()).containsExactly("yo", "", "3");
        assertThat(table.rows().get(1).line()).isEqualTo(3);
    }

    @Test
    void jsonlLineThatIsNotAnObjectIsReportedWithItsLine() throws IOException {
        Path file = write("a.jsonl", "{\"text\": \"hi\"}\n[1, 2]\n");
        assertThatThrownBy(() -> TableReader.read(file, true))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": line 2: expected a JSON object, found array");
    }

    @Test
    void brokenJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = write("a.jsonl", "{\"text\": \"hi\"}\n{\"text\": hi}\n");
        assertThatThrownBy(() -> TableReader.read(file, true))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": line 2, column ");
    }

    @Test
    void textFileIsOneTextALine() throws IOException {
        Table table = TableReader.read(write("a.txt", "first\r\n\nsecond\n"), true);
        assertThat(table.values(0)).containsExactly("first", "second");
        assertThat(table.rows()).extracting(Table.Row::line).containsExactly(1L, 3L);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text\nok\ncaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TableReader.read(file, true))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": line 3, column 4: byte 0xE9 is not UTF-8; convert the file to UTF-8 or name its encoding");
    }

    @Test
    void unclosedQuoteIsReportedWhereItOpens() throws IOException {
        Path file = write("a.csv", "text\nfine\n\"never closed\nand more\n");
        assertThatThrownBy(() -> TableReader.read(file, true)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3: a quoted field opens here and is never closed (a missing \")");
    }

    @Test
    void characterAfterClosingQuoteIsReported() throws IOException {
        Path file = write("a.csv", "text,label\n\"ok\",x\n\"bad\"x,y\n");
        assertThatThrownBy(() -> TableReader.read(file, true)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(file + ": line 3: unexpected character after a closing quote");
    }

    @Test
    void missingFileIsABadInput() {
        assertThatThrownBy(() -> TableReader.read(dir.resolve("none.csv"), true))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("none.csv: no such file");
    }

    @Test
    void missingColumnListsTheColumns() throws IOException {
        Table table = TableReader.read(write("a.csv", "a,b\n1,2\n"), true);
        assertThatThrownBy(() -> table.column("text"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(table.source() + ": no column 'text'; columns: a, b");
        assertThatThrownBy(() -> table.column("3")).hasMessageContaining("no column 3; it has 2 columns");
    }

    @Test
    void columnChoiceJoinsTextColumnsFindsLabelAndIdAndKeepsTheRestAsMetadata() throws IOException {
        Path file = write("a.csv", "id,title,body,label,source\nr1,Hello,World,greet,web\n");
        Corpus corpus = CorpusReader.readAll(file, ReadOptions.defaults(),
                new ColumnChoice(List.of("title", "3"), Optional.empty(), Optional.empty()));
        assertThat(corpus.rows()).containsExactly(new TextRow("r1", "Hello World", "greet", Map.of("source", "web"), 2));
    }

    @Test
    void defaultTextColumnIsTextElseTheFirst() throws IOException {
        Corpus named = CorpusReader.readAll(write("a.csv", "x,text\n1,hello\n"), ReadOptions.defaults(), ColumnChoice.defaults());
        assertThat(named.texts()).containsExactly("hello");
        Corpus plain = CorpusReader.readAll(write("b.csv", "first,second\nalpha,beta\n"), ReadOptions.defaults(),
                ColumnChoice.defaults());
        assertThat(plain.rows()).extracting(TextRow::text, TextRow::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", "2"));
    }

    @Test
    void missingTextColumnIsNamed() throws IOException {
        Path file = write("a.jsonl", "{\"body\": \"x\"}\n");
        assertThatThrownBy(() -> CorpusReader.readAll(file, ReadOptions.defaults(),
                new ColumnChoice(List.of("text"), Optional.empty(), Optional.empty())))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": no column 'text'; columns: body");
    }

    @Test
    void folderIsOneTextAFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes/sub"));
        Files.writeString(dir.resolve("notes/b.md"), "# Second\n");
        Files.writeString(dir.resolve("notes/sub/a.txt"), "first text\n");
        Files.writeString(dir.resolve("notes/skip.bin"), "x");
        Corpus corpus = CorpusReader.readAll(dir.resolve("notes"), ReadOptions.defaults(), ColumnChoice.defaults());
        assertThat(corpus.rows()).extracting(TextRow::id, TextRow::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b.md", "# Second"),
                org.assertj.core.groups.Tuple.tuple("sub" + java.io.File.separator + "a.txt", "first text"));
        assertThat(folder).exists();
    }

    @Test
    void otherEncodingsOnRequest() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Corpus corpus = CorpusReader.readAll(file, ReadOptions.defaults().withCharset(StandardCharsets.ISO_8859_1),
                ColumnChoice.defaults());
        assertThat(corpus.texts()).containsExactly("caf\u00e9");
    }

    @Test
    void csvLinesCountLineBreaksInsideQuotedFields() throws IOException {
        Path file = write("a.csv", "text\n\"one\ntwo\nthree\"\nfour\n\n\nfive");
        Corpus corpus = CorpusReader.readAll(file, ReadOptions.defaults(), ColumnChoice.defaults());
        assertThat(corpus.rows()).extracting(TextRow::line).containsExactly(2L, 5L, 8L);
    }
}
