package org.embex.usecase;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.layout.Layout;

/**
 * Writes selected rows with everything the explorer knows of them: id, text, label, the corpus's
 * other columns, map coordinates and cluster; Parquet adds the vectors ({@link RowExport}).
 */
public final class SelectionExport {

    private SelectionExport() {
    }

    /**
     * @param clusters a cluster per row, or null when none was computed
     */
    public static void write(Path target, EmbeddedCorpus corpus, Layout layout, int[] clusters, List<Integer> rows) {
        Map<String, float[]> xy = new LinkedHashMap<>();
        xy.put("x", layout.x());
        xy.put("y", layout.y());
        Map<String, int[]> cluster = new LinkedHashMap<>();
        cluster.put("cluster", clusters);
        RowExport.write(target, corpus, rows, new RowExport.Added(xy, cluster));
    }
}
