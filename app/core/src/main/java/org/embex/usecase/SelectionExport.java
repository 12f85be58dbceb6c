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
import org.embex.layout.Layout;
import org.embex.vectorfile.ParquetExport;

/**
 * Writes selected rows with everything the explorer knows of them: id, text, label, the corpus's
 * other columns, map coordinates and cluster; Parquet adds the vectors. CSV, JSONL or Parquet, chosen by the file's extension. The
 * file is written beside its target and moved into place, so a failed export leaves no half file.
 */
public final class SelectionExport {

    private SelectionExport() {
    }

    /**
     * @param clusters a cluster per row, or null when none was computed
     */
    public static void write(Path target, EmbeddedCorpus corpus, Layout layout, int[] clusters, List<Integer> rows) {
        Set<String> metadata = new LinkedHashSet<>();
        for (int row : rows) {
            metadata.addAll(corpus.row(row).metadata().keySet());
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            if (VectorExport.isParquet(target)) {
                ParquetExport.write(partial, new ParquetExport.Content(corpus.corpus().rows(), corpus.vectors(), layout.x(),
                        layout.y(), clusters, rows, corpus.model(), corpus.fingerprint()));
            } else if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                writeJsonl(partial, corpus, layout, clusters, rows);
            } else {
                writeCsv(partial, corpus, layout, clusters, rows, List.copyOf(metadata));
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

    private static void writeCsv(Path file, EmbeddedCorpus corpus, Layout layout, int[] clusters, List<Integer> rows,
                                 List<String> metadata) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "text", "label"));
        header.addAll(metadata);
        header.addAll(List.of("x", "y", "cluster"));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(writer)) {
            for (int row : rows) {
                TextRow text = corpus.row(row);
                List<Object> record = new ArrayList<>(List.of(text.id(), text.text(), text.label() == null ? "" : text.label()));
                for (String column : metadata) {
                    record.add(text.metadata().getOrDefault(column, ""));
                }
                record.add(layout.x()[row]);
                record.add(layout.y()[row]);
                record.add(clusters == null ? "" : clusters[row]);
                printer.printRecord(record);
            }
        }
    }

    private static void writeJsonl(Path file, EmbeddedCorpus corpus, Layout layout, int[] clusters, List<Integer> rows)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int row : rows) {
                TextRow text = corpus.row(row);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", text.id());
                record.put("text", text.text());
                record.put("label", text.label());
                record.put("metadata", text.metadata());
                record.put("x", layout.x()[row]);
                record.put("y", layout.y()[row]);
                record.put("cluster", clusters == null ? null : clusters[row]);
                writer.write(json.writeValueAsString(record));
                writer.write('\n');
            }
        }
    }
}
