package org.embex.usecase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.embex.EmbexException;
import org.embex.corpus.TextRow;
import org.embex.vectorfile.ParquetExport;

/**
 * Writes rows of an embedded corpus with what a use case adds to each (map coordinates and
 * cluster for a selection; group, representative and score for near-duplicates): id, text, label,
 * the corpus's other columns, then the added columns; Parquet adds the vectors. CSV, JSONL or
 * Parquet, chosen by the file's extension. The file is written beside its target and moved into
 * place, so a failed export leaves no half file.
 */
public final class RowExport {

    private RowExport() {
    }

    /**
     * The columns added to every row, in order: each a value per corpus row.
     *
     * @param floats numbers by column name
     * @param ints   whole numbers by column name; a null array is a column not known this time
     *               (empty in CSV, null in JSONL, left out of Parquet)
     */
    public record Added(Map<String, float[]> floats, Map<String, int[]> ints) {

        public Added {
            floats = new LinkedHashMap<>(floats);
            ints = new LinkedHashMap<>(ints);
        }

        private Map<String, int[]> knownInts() {
            Map<String, int[]> known = new LinkedHashMap<>();
            ints.forEach((name, values) -> {
                if (values != null) {
                    known.put(name, values);
                }
            });
            return known;
        }
    }

    public static void write(Path target, EmbeddedCorpus corpus, List<Integer> rows, Added added) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            if (VectorExport.isParquet(target)) {
                ParquetExport.write(partial, new ParquetExport.Content(corpus.corpus().rows(), corpus.vectors(), added.floats(),
                        added.knownInts(), rows, corpus.model(), corpus.fingerprint()));
            } else if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                writeJsonl(partial, corpus, rows, added);
            } else {
                writeCsv(partial, corpus, rows, added);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The export already failed; the leftover .part file is named after it.
            }
            throw new EmbexException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeCsv(Path file, EmbeddedCorpus corpus, List<Integer> rows, Added added) throws IOException {
        Set<String> metadataSet = new LinkedHashSet<>();
        for (int row : rows) {
            metadataSet.addAll(corpus.row(row).metadata().keySet());
        }
        List<String> metadata = List.copyOf(metadataSet);
        Set<String> taken = new LinkedHashSet<>(added.floats().keySet());
        taken.addAll(added.ints().keySet());
        List<String> header = new ArrayList<>(List.of("id", "text", "label"));
        header.addAll(ParquetExport.metadataNames(metadata, taken));
        header.addAll(added.floats().keySet());
        header.addAll(added.ints().keySet());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(writer)) {
            for (int row : rows) {
                TextRow text = corpus.row(row);
                List<Object> record = new ArrayList<>(List.of(text.id(), text.text(), text.label() == null ? "" : text.label()));
                for (String column : metadata) {
                    record.add(text.metadata().getOrDefault(column, ""));
                }
                added.floats().values().forEach(values -> record.add(values[row]));
                added.ints().values().forEach(values -> record.add(values == null ? "" : values[row]));
                printer.printRecord(record);
            }
        }
    }

    private static void writeJsonl(Path file, EmbeddedCorpus corpus, List<Integer> rows, Added added) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int row : rows) {
                TextRow text = corpus.row(row);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", text.id());
                record.put("text", text.text());
                record.put("label", text.label());
                record.put("metadata", text.metadata());
                added.floats().forEach((name, values) -> record.put(name, values[row]));
                added.ints().forEach((name, values) -> record.put(name, values == null ? null : values[row]));
                writer.write(json.writeValueAsString(record));
                writer.write('\n');
            }
        }
    }
}
