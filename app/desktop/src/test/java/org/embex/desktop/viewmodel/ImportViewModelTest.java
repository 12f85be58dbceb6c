package org.embex.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.corpus.ColumnChoice;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.TableFormat;
import org.embex.usecase.CorpusSpec;

/** The import dialog's choices and checks on real files, without a window: no toolkit is started. */
class ImportViewModelTest {

    private static final String SKIP_HINT = "\nTick “Skip rows that do not fit” to leave such rows out and list them.";

    @TempDir
    Path dir;

    private Path write(String name, CharSequence content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aGoodFileIsReadAsTheCommandsReadItAndMayBeOpened() throws IOException {
        Path good = write("good.csv",
                "channel,label,text,id\nphone,billing,my bill is wrong,a1\nweb,roaming,roaming in Spain,a2\n");
        ImportViewModel model = new ImportViewModel(good);

        assertThat(model.formatProperty().get()).isEqualTo(TableFormat.CSV);
        assertThat(model.headerProperty().get()).isTrue();
        assertThat(model.skipBadRowsProperty().get()).isFalse();
        assertThat(model.columns()).containsExactly("channel", "label", "text", "id");
        assertThat(model.textColumnProperty().get()).isEqualTo("text");
        assertThat(model.labelColumnProperty().get()).isEqualTo("label");
        assertThat(model.idColumnProperty().get()).isEqualTo("id");
        ColumnChoice.Bound defaults = CorpusSpec.defaults(good).columns().bind(good, model.columns(), true);
        CorpusSpec spec = model.spec();
        assertThat(spec.file()).isEqualTo(good);
        assertThat(spec.options()).isEqualTo(ReadOptions.defaults().withFormat(TableFormat.CSV));
        assertThat(spec.columns()).isEqualTo(new ColumnChoice(defaults.text(), defaults.label(), defaults.id()));
        assertThat(model.openableProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.problemIsErrorProperty().get()).isFalse();
        assertThat(model.previewProperty().get().columns()).containsExactly("channel", "label", "text", "id");
        assertThat(model.previewProperty().get().rows()).containsExactly(
                List.of("phone", "billing", "my bill is wrong", "a1"), List.of("web", "roaming", "roaming in Spain", "a2"));
    }

    @Test
    void aFileWithoutLabelOrIdColumnsHasNone() throws IOException {
        ImportViewModel model = new ImportViewModel(write("bare.csv", "body,channel\nmy bill is wrong,phone\n"));

        assertThat(model.textColumnProperty().get()).isEqualTo("body");
        assertThat(model.labelColumnProperty().get()).isEqualTo(ImportViewModel.NONE);
        assertThat(model.idColumnProperty().get()).isEqualTo(ImportViewModel.NONE);
        assertThat(model.spec().columns()).isEqualTo(new ColumnChoice(List.of("body"), Optional.empty(), Optional.empty()));
    }

    @Test
    void aBrokenFileSaysWhereItBreaksAndCannotBeOpened() throws IOException {
        ImportViewModel model = new ImportViewModel(write("broken.csv", "id,text,label\n1,fine,a\n2,\"never closed,b\n3,ok,c\n"));

        assertThat(model.problemProperty().get()).contains("broken.csv").contains("line 3");
        assertThat(model.problemIsErrorProperty().get()).isTrue();
        assertThat(model.openableProperty().get()).isFalse();
        assertThat(model.previewProperty().get()).isEqualTo(ImportViewModel.Preview.EMPTY);
    }

    @Test
    void aRowThatDoesNotFitStopsTheImportUntilItIsSkippedAndThenIsListed() throws IOException {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i == 4 ? "my bill,billing,extra" : "my bill is wrong number " + i + ",billing")
                    .append('\n');
        }
        Path ragged = write("ragged.csv", csv);
        ImportViewModel model = new ImportViewModel(ragged);

        assertThat(model.problemProperty().get()).contains("ragged.csv: line 6, column 4: 4 cells where the header has 3")
                .endsWith(SKIP_HINT);
        assertThat(model.problemIsErrorProperty().get()).isTrue();
        assertThat(model.openableProperty().get()).isFalse();

        model.skipBadRowsProperty().set(true);
        assertThat(model.openableProperty().get()).isTrue();
        assertThat(model.problemProperty().get())
                .isEqualTo(ragged + ": skipped 1 bad row: line 6, column 4: 4 cells where the header has 3");
        assertThat(model.problemIsErrorProperty().get()).isFalse();
        assertThat(model.previewProperty().get().rows()).hasSize(29);
        assertThat(model.spec().options().skipBadRows()).isTrue();
    }

    @Test
    void anEmptyTextStopsTheImportWithTheCommandsWords() throws IOException {
        ImportViewModel model = new ImportViewModel(
                write("blank.csv", "id,text,label\n1,my bill,billing\n2,,billing\n3,roaming,roaming\n"));

        assertThat(model.problemProperty().get()).contains("blank.csv: line 3, column 2: the text is empty");
        assertThat(model.problemIsErrorProperty().get()).isTrue();
        assertThat(model.openableProperty().get()).isFalse();
    }

    @Test
    void choosingAnotherTextColumnChecksTheCorpusAgain() throws IOException {
        ImportViewModel model = new ImportViewModel(
                write("blank.csv", "id,text,label\n1,my bill,billing\n2,,billing\n3,roaming,roaming\n"));

        model.textColumnProperty().set("label");
        assertThat(model.openableProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isEmpty();

        model.textColumnProperty().set("text");
        assertThat(model.openableProperty().get()).isFalse();
    }

    @Test
    void withoutAHeaderTheColumnsAreNumberedAndTheFirstLineIsARow() throws IOException {
        ImportViewModel model = new ImportViewModel(write("good.csv", "id,text,label\n1,my bill is wrong,billing\n"));

        model.headerProperty().set(false);
        assertThat(model.columns()).containsExactly("1", "2", "3");
        assertThat(model.textColumnProperty().get()).isEqualTo("1");
        assertThat(model.labelColumnProperty().get()).isEqualTo(ImportViewModel.NONE);
        assertThat(model.idColumnProperty().get()).isEqualTo(ImportViewModel.NONE);
        assertThat(model.previewProperty().get().rows()).containsExactly(List.of("id", "text", "label"),
                List.of("1", "my bill is wrong", "billing"));
        assertThat(model.spec().options().header()).isFalse();
        assertThat(model.openableProperty().get()).isTrue();
    }

    @Test
    void theFormatComesFromTheExtensionElseCsv() throws IOException {
        ImportViewModel tsv = new ImportViewModel(write("tabs.tsv", "id\ttext\n1\tmy bill, again\n"));
        assertThat(tsv.formatProperty().get()).isEqualTo(TableFormat.TSV);
        assertThat(tsv.columns()).containsExactly("id", "text");
        assertThat(tsv.previewProperty().get().rows()).containsExactly(List.of("1", "my bill, again"));

        ImportViewModel unknown = new ImportViewModel(write("export.dat", "id,text\n1,my bill\n"));
        assertThat(unknown.formatProperty().get()).isEqualTo(TableFormat.CSV);
        assertThat(unknown.columns()).containsExactly("id", "text");
        assertThat(unknown.openableProperty().get()).isTrue();
    }

    @Test
    void choosingAnotherFormatReadsTheFileAgain() throws IOException {
        ImportViewModel model = new ImportViewModel(write("tabs.csv", "id\ttext\n1\tmy bill\n"));
        assertThat(model.columns()).containsExactly("id\ttext");

        model.formatProperty().set(TableFormat.TSV);
        assertThat(model.columns()).containsExactly("id", "text");
        assertThat(model.textColumnProperty().get()).isEqualTo("text");
        assertThat(model.spec().options().formatOf(model.file())).isEqualTo(TableFormat.TSV);
    }

    @Test
    void thePreviewShowsTheFirst200Rows() throws IOException {
        StringBuilder csv = new StringBuilder("text\n");
        for (int i = 0; i < 250; i++) {
            csv.append("text number ").append(i).append('\n');
        }
        ImportViewModel model = new ImportViewModel(write("long.csv", csv));

        assertThat(model.previewProperty().get().rows()).hasSize(200).last().isEqualTo(List.of("text number 199"));
    }
}
