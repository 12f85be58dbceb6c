package org.embex.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;

class TableReaderTest {

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
                .hasMessageStartingWith(file + ": line 3, column 4 (byte 11): not UTF-8 (byte 0xE9)");
    }

    @Test
    void unclosedQuoteIsABadInput() throws IOException {
        Path file = write("a.csv", "text\n\"never closed\n");
        assertThatThrownBy(() -> TableReader.read(file, true)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString());
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
    void columnChoiceJoinsTextColumnsAndFindsLabelAndId() throws IOException {
        Table table = TableReader.read(write("a.csv", "id,title,body,label\nr1,Hello,World,greet\n"), true);
        List<TextRow> rows = new ColumnChoice(List.of("title", "body"), Optional.empty(), Optional.empty()).apply(table);
        assertThat(rows).containsExactly(new TextRow("r1", "Hello World", "greet", 2));
    }

    @Test
    void defaultTextColumnIsTextElseTheFirst() throws IOException {
        Table table = TableReader.read(write("a.csv", "x,text\n1,hello\n"), true);
        assertThat(ColumnChoice.defaults().apply(table)).extracting(TextRow::text).containsExactly("hello");
        Table plain = TableReader.read(write("b.csv", "first,second\nalpha,beta\n"), true);
        assertThat(ColumnChoice.defaults().apply(plain)).extracting(TextRow::text, TextRow::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", "2"));
    }
}
