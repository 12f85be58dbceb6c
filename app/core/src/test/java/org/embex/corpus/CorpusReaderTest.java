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
                .hasMessage(file + ": line 2, column 1: expected a JSON object, found an array");
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
                .hasMessage(file + ": line 3, column 1: a quoted field opens here and is never closed (a missing \")");
    }

    @Test
    void characterAfterClosingQuoteIsReported() throws IOException {
        Path file = write("a.csv", "text,label\n\"ok\",x\n\"bad\"x,y\n");
        assertThatThrownBy(() -> TableReader.read(file, true)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(file + ": line 3, column 1: unexpected character after a closing quote");
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
        Path file = write("a.csv", "body,label\nx,y\n");
        assertThatThrownBy(() -> CorpusReader.readAll(file, ReadOptions.defaults(),
                new ColumnChoice(List.of("text"), Optional.empty(), Optional.empty())))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": no column 'text'; columns: body, label");
    }

    @Test
    void jsonlTextFieldMissingOnTheFirstLineIsABadRowThatNamesTheFields() throws IOException {
        Path file = write("a.jsonl", "{\"body\": \"x\"}\n{\"text\": \"y\"}\n");
        ColumnChoice text = new ColumnChoice(List.of("text"), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> CorpusReader.readAll(file, ReadOptions.defaults(), text))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 1, column 1: no \"text\" field (fields: body)");
        Corpus skipping = CorpusReader.readAll(file, ReadOptions.defaults().withSkipBadRows(true), text);
        assertThat(skipping.texts()).containsExactly("y");
        assertThat(skipping.skipped()).extracting(SkippedRow::line).containsExactly(1L);
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

    private Corpus read(Path file) {
        return CorpusReader.readAll(file, ReadOptions.defaults(), ColumnChoice.defaults());
    }

    @Test
    void csvRowWithMoreCellsThanTheHeaderStopsAtItsFirstExtraCell() throws IOException {
        Path file = write("a.csv", "text,label\nhello,a\nworld,b,extra,more\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3, column 3: 4 cells where the header has 2");
    }

    @Test
    void csvRowWithFewerCellsThanTheHeaderStopsAtItsFirstMissingCell() throws IOException {
        Path file = write("a.csv", "text,label\nhello,a\nshort\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3, column 2: 1 cell where the header has 2");
    }

    @Test
    void tsvWithoutHeaderHoldsEveryRowToTheFirstRowsWidth() throws IOException {
        Path file = write("a.tsv", "a\tb\nc\td\te\n");
        assertThatThrownBy(() -> CorpusReader.readAll(file, ReadOptions.defaults().withHeader(false), ColumnChoice.defaults()))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 2, column 3: 3 cells where the first row has 2");
    }

    @Test
    void tablesHoldRowsToTheHeadersWidthToo() throws IOException {
        Path file = write("pairs.csv", "sentence1,sentence2,score\na,b,1\nc,d\n");
        assertThatThrownBy(() -> TableReader.read(file, true)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3, column 3: 2 cells where the header has 3");
    }

    @Test
    void emptyTextCellStopsAtTheTextColumn() throws IOException {
        Path file = write("a.csv", "label,text\na,hello\nb,\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3, column 2: the text is empty");
    }

    @Test
    void blankTextCellStopsAtTheTextColumn() throws IOException {
        Path file = write("a.tsv", "text\tlabel\n   \tb\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 2, column 1: the text is blank");
    }

    @Test
    void jsonlTextThatIsNotAStringStopsWhereTheValueStarts() throws IOException {
        List<String> values = List.of("null", "3", "true", "[\"a\"]", "{\"a\": 1}");
        List<String> kinds = List.of("null", "a number", "true or false", "an array", "an object");
        for (int i = 0; i < values.size(); i++) {
            Path file = write("v" + i + ".jsonl", "{\"text\": \"fine\"}\n{\"id\": 7, \"text\": " + values.get(i) + "}\n");
            assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                    .hasMessage(file + ": line 2, column 19: \"text\" is " + kinds.get(i) + ", not a string");
        }
    }

    @Test
    void jsonlLineWithoutTheTextFieldStopsAtItsStart() throws IOException {
        Path file = write("a.jsonl", "{\"text\": \"fine\"}\n{\"body\": \"elsewhere\"}\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 2, column 1: no \"text\" field (fields: body)");
    }

    @Test
    void jsonlEmptyTextStopsWhereTheValueStarts() throws IOException {
        Path file = write("a.jsonl", "{\"text\": \"\"}\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 1, column 10: the text is empty");
    }

    @Test
    void blankFileInAFolderStopsWithTheFilesName() throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/a.txt"), "a text\n");
        Path blank = Files.writeString(dir.resolve("notes/b.md"), "\n  \n");
        assertThatThrownBy(() -> read(dir.resolve("notes"))).isInstanceOf(CorpusFormatException.class)
                .hasMessage(blank + ": line 1, column 1: the text is empty");
    }

    @Test
    void unclosedQuoteIsReportedAtTheCellWhereItOpens() throws IOException {
        Path file = write("a.csv", "text,label\n\"two\nlines\",a\nfine,\"never closed\nand more\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 4, column 2: a quoted field opens here and is never closed (a missing \")");
    }

    @Test
    void unclosedQuoteInATsvIsReportedAtItsCell() throws IOException {
        Path file = write("a.tsv", "text\tlabel\tsource\nok\ta\tb\nx\ty\t\"open\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3, column 3: a quoted field opens here and is never closed (a missing \")");
    }

    @Test
    void characterAfterAClosingQuoteIsReportedAtItsCell() throws IOException {
        Path file = write("a.csv", "text,label\n\"a\nb\",\"x\"y\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": line 3, column 2: unexpected character after a closing quote (expected a delimiter or the end of the line)");
    }

    @Test
    void emptyFileHasNoTexts() throws IOException {
        Path file = write("a.csv", "");
        assertThatThrownBy(() -> read(file)).isExactlyInstanceOf(BadInputException.class)
                .hasMessage(file + ": no texts: the file is empty");
    }

    @Test
    void fileOfBlankLinesHasNoTexts() throws IOException {
        Path file = write("a.txt", "\n   \n\n");
        assertThatThrownBy(() -> read(file)).isExactlyInstanceOf(BadInputException.class)
                .hasMessage(file + ": no texts: the file has only blank lines");
    }

    @Test
    void headerOnlyCsvHasNoTexts() throws IOException {
        Path file = write("a.csv", "text,label\n");
        assertThatThrownBy(() -> read(file)).isExactlyInstanceOf(BadInputException.class)
                .hasMessage(file + ": no texts: the file has a header (text, label) and no rows");
    }

    @Test
    void emptyFolderHasNoTexts() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(folder.resolve("image.png"), "not a text");
        assertThatThrownBy(() -> read(folder)).isExactlyInstanceOf(BadInputException.class)
                .hasMessage(folder + ": no texts: the folder holds no .txt or .md files");
    }

    private Corpus readSkipping(Path file) {
        return CorpusReader.readAll(file, ReadOptions.defaults().withSkipBadRows(true), ColumnChoice.defaults());
    }

    @Test
    void skippingBadRowsKeepsTheGoodOnesAndListsEachBadOneWithItsReason() throws IOException {
        Path file = write("a.csv", "text,label\nhello,a\nworld,b,extra\nshort\n,c\nfine,d\n");
        Corpus corpus = readSkipping(file);
        assertThat(corpus.texts()).containsExactly("hello", "fine");
        assertThat(corpus.rows()).extracting(TextRow::line).containsExactly(2L, 6L);
        assertThat(corpus.skipped()).containsExactly(
                new SkippedRow(file, 3, 3, "3 cells where the header has 2"),
                new SkippedRow(file, 4, 2, "1 cell where the header has 2"),
                new SkippedRow(file, 5, 1, "the text is empty"));
    }

    @Test
    void skippingReadsPastJsonlLinesThatAreNotTexts() throws IOException {
        Path file = write("a.jsonl", "{\"text\": \"one\"}\n{\"text\": oops}\n[1]\n{\"text\": null}\n{\"body\": \"x\"}\n"
                + "{\"text\": \"a\"} {\"text\": \"b\"}\n{\"text\": \"two\"}\n");
        Corpus corpus = readSkipping(file);
        assertThat(corpus.texts()).containsExactly("one", "two");
        assertThat(corpus.skipped()).extracting(SkippedRow::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(corpus.skipped()).extracting(SkippedRow::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not valid JSON: "),
                reason -> assertThat(reason).isEqualTo("expected a JSON object, found an array"),
                reason -> assertThat(reason).isEqualTo("\"text\" is null, not a string"),
                reason -> assertThat(reason).isEqualTo("no \"text\" field (fields: body)"),
                reason -> assertThat(reason).isEqualTo("more follows the JSON object; JSON Lines holds one object a line"));
    }

    @Test
    void skippingInAFolderNamesTheFileLeftOut() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(folder.resolve("a.txt"), "a text\n");
        Path blank = Files.writeString(folder.resolve("b.md"), "   \n");
        Corpus corpus = readSkipping(folder);
        assertThat(corpus.texts()).containsExactly("a text");
        assertThat(corpus.skipped()).containsExactly(new SkippedRow(blank, 1, 1, "the text is empty"));
        assertThat(corpus.skippedSummary(3)).hasValue(folder + ": skipped 1 bad row: b.md: line 1, column 1: the text is empty");
    }

    @Test
    void fileOfOnlyBadRowsHasNoTextsAndSaysWhy() throws IOException {
        Path file = write("a.csv", "text,label\nx,a,b\n,c\n");
        assertThatThrownBy(() -> readSkipping(file)).isExactlyInstanceOf(BadInputException.class)
                .hasMessage(file + ": no texts: every row is bad (2 skipped; the first: line 2, column 3: 3 cells where the header has 2)");
    }

    @Test
    void skippedSummaryNamesTheFirstFewAndCountsTheRest() throws IOException {
        StringBuilder text = new StringBuilder("text,label\nfine,a\n");
        for (int i = 0; i < 5; i++) {
            text.append("bad,").append(i).append(",x\n");
        }
        Corpus corpus = readSkipping(write("a.csv", text.toString()));
        assertThat(corpus.skippedSummary(2)).hasValue(corpus.source() + ": skipped 5 bad rows: line 3, column 3: "
                + "3 cells where the header has 2; line 4, column 3: 3 cells where the header has 2; and 3 more");
        assertThat(read(write("b.csv", "text\nfine\n")).skippedSummary(2)).isEmpty();
    }

    @Test
    void tablesSkipRowsOfTheWrongWidthWhenAsked() throws IOException {
        Path file = write("pairs.tsv", "a\tb\t1\nc\td\ne\tf\t0\n");
        Table table = TableReader.read(file, ReadOptions.defaults().withHeader(false).withSkipBadRows(true));
        assertThat(table.rows()).extracting(Table.Row::cells).containsExactly(List.of("a", "b", "1"), List.of("e", "f", "0"));
        assertThat(table.skipped()).containsExactly(new SkippedRow(file, 2, 3, "2 cells where the first row has 3"));
    }

    @Test
    void aLineOfOneQuotedEmptyCellIsARowNotABlankLine() throws IOException {
        Path two = write("two.csv", "text,label\n\"\"\nok,a\n");
        assertThatThrownBy(() -> read(two)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(two + ": line 2, column 2: 1 cell where the header has 2");
        Path one = write("one.csv", "text\nok\n\"\"\n");
        assertThatThrownBy(() -> read(one)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(one + ": line 3, column 1: the text is empty");
    }

    @Test
    void blankLinesAreNoRowsWhateverTheLineEnds() throws IOException {
        Corpus corpus = read(write("a.csv", "text,label\r\n\r\nok,a\r\n\n\r\nfine,b\r\n\r\n"));
        assertThat(corpus.rows()).extracting(TextRow::text, TextRow::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ok", 3L), org.assertj.core.groups.Tuple.tuple("fine", 6L));
        assertThat(corpus.skipped()).isEmpty();
    }
}
