package org.embex.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import org.embex.corpus.TextRow;
import org.embex.usecase.EmbeddedPart;

/**
 * One partition of the corpus, on an executor: its rows made into texts as embex reads a file
 * (the text columns joined with a space, the label, the id or the row's number, every other column
 * as text), embedded and written as one part ({@link EmbeddedPart}), then committed. A row whose
 * text is empty or blank is skipped and counted, as {@code --skip-bad-rows} does: one bad row must
 * not fail a job of millions. Answers one pair: rows written, rows skipped.
 */
final class PartTask implements Function2<Integer, Iterator<Tuple2<Row, Long>>, Iterator<long[]>> {

    private final List<String> text;
    private final String label;
    private final String id;
    private final List<String> metadata;
    private final String modelName;
    private final OutputFolder output;
    private final PartHook hook;

    /**
     * @param label     the label column, or null for none
     * @param id        the id column, or null for the row's number
     * @param modelName the model folder's name ({@link ExecutorModels})
     */
    PartTask(List<String> text, String label, String id, List<String> metadata, String modelName, OutputFolder output,
             PartHook hook) {
        this.text = List.copyOf(text);
        this.label = label;
        this.id = id;
        this.metadata = List.copyOf(metadata);
        this.modelName = modelName;
        this.output = output;
        this.hook = hook;
    }

    @Override
    public Iterator<long[]> call(Integer part, Iterator<Tuple2<Row, Long>> rows) throws IOException {
        List<TextRow> texts = new ArrayList<>();
        long skipped = 0;
        while (rows.hasNext()) {
            Tuple2<Row, Long> numbered = rows.next();
            Row row = numbered._1();
            String joined = joined(row);
            if (joined.isBlank()) {
                skipped++;
                continue;
            }
            long number = numbered._2() + 1;
            Map<String, String> others = new LinkedHashMap<>();
            metadata.forEach(column -> others.put(column, field(row, column)));
            texts.add(new TextRow(id == null ? String.valueOf(number) : field(row, id), joined,
                    label == null ? "" : field(row, label), others, number));
        }
        ExecutorModels.Opened model = ExecutorModels.open(modelName);
        Path local = Files.createTempDirectory("embex-part-").resolve(String.format("part-%05d.parquet", part));
        int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
        try {
            int written = EmbeddedPart.write(model.workspace(), model.folder().toString(), texts, local);
            hook.reached(PartHook.Stage.WRITTEN, part, attempt);
            output.commit(part, local, attempt, new Configuration());
            hook.reached(PartHook.Stage.COMMITTED, part, attempt);
            return List.of(new long[] {written, skipped}).iterator();
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(local.getParent());
        }
    }

    private String joined(Row row) {
        StringBuilder joined = new StringBuilder();
        for (String column : text) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(field(row, column));
        }
        return joined.toString();
    }

    /** A column's value as text; a null is empty, as a missing cell is in a file embex reads. */
    private static String field(Row row, String column) {
        Object value = row.get(row.fieldIndex(column));
        return value == null ? "" : String.valueOf(value);
    }
}
