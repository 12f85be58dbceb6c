package org.embex.desktop.viewmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.embex.corpus.RowCondition;
import org.embex.corpus.RowFilter;
import org.embex.corpus.TextRow;
import org.embex.desktop.map.ReadingOrder;
import org.embex.usecase.EmbeddedCorpus;

/**
 * The Filter tab: one control per column of the open corpus, each setting the conditions on its
 * column of the explorer's {@link RowFilter}. A column whose values are all numbers, and many, is
 * a range; one with few values a check list; the text and any other column a "contains" search.
 */
public final class FilterViewModel {

    /** Above this many distinct values a column is searched, not listed. */
    static final int MOST_LISTED = 200;
    /** A column of numbers with this many distinct values or fewer reads better as a list than a range. */
    static final int FEWEST_FOR_RANGE = 12;

    /** How a column is filtered. */
    public enum Kind { CATEGORIES, NUMBERS, TEXT }

    /**
     * One column and what its control offers.
     *
     * @param values for categories, each value and its count, most frequent first ("" for rows without one)
     * @param low    for numbers, the smallest
     * @param high   for numbers, the largest
     */
    public record Column(String name, Kind kind, Map<String, Integer> values, double low, double high) {

        public Column {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    private final ExplorerViewModel explorer;
    private final ReadOnlyObjectWrapper<List<Column>> columns = new ReadOnlyObjectWrapper<>(List.of());

    FilterViewModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
    }

    /** The open corpus's columns, each with its control; a new corpus gives new columns. */
    public ReadOnlyObjectProperty<List<Column>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    void reset(EmbeddedCorpus corpus) {
        List<Column> found = new ArrayList<>();
        found.add(new Column("text", Kind.TEXT, Map.of(), 0, 0));
        if (corpus.labelled()) {
            found.add(describe("label", corpus.corpus().rows().stream().map(TextRow::label).toList()));
        }
        Set<String> names = new LinkedHashSet<>();
        corpus.corpus().rows().forEach(row -> names.addAll(row.metadata().keySet()));
        for (String name : names) {
            found.add(describe(name, corpus.corpus().rows().stream().map(row -> row.metadata().get(name)).toList()));
        }
        columns.set(List.copyOf(found));
    }

    static Column describe(String name, List<String> cells) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        boolean numbers = true;
        for (String cell : cells) {
            String value = cell == null ? "" : cell;
            counts.merge(value, 1, Integer::sum);
            if (!value.isBlank()) {
                double number = RowCondition.Between.number(value);
                numbers &= !Double.isNaN(number);
                low = Math.min(low, number);
                high = Math.max(high, number);
            }
        }
        if (numbers && low <= high && counts.size() > FEWEST_FOR_RANGE) {
            return new Column(name, Kind.NUMBERS, Map.of(), low, high);
        }
        if (counts.size() > MOST_LISTED) {
            return new Column(name, Kind.TEXT, Map.of(), 0, 0);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey(ReadingOrder.INSTANCE)))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return new Column(name, Kind.CATEGORIES, ordered, 0, 0);
    }

    /** Only rows whose value is among {@code kept}; every value kept is no condition. */
    public void keep(String column, Set<String> kept) {
        Column described = column(column);
        boolean all = kept.containsAll(described.values().keySet());
        set(column, all ? List.of() : List.of(new RowCondition.OneOf(column, kept, false)));
    }

    /** Only rows whose number is from {@code low} to {@code high}; the whole range is no condition. */
    public void range(String column, double low, double high) {
        Column described = column(column);
        boolean all = low <= described.low() && high >= described.high();
        set(column, all ? List.of() : List.of(new RowCondition.Between(column, low, high)));
    }

    /** Only rows whose value contains {@code words}, in any case; blank is no condition. */
    public void contains(String column, String words) {
        set(column, words == null || words.isBlank() ? List.of() : List.of(new RowCondition.Contains(column, words.strip())));
    }

    /** The filter the controls show. */
    public RowFilter filter() {
        return explorer.filterProperty().get();
    }

    /** Every row again. */
    public void clear() {
        explorer.filterProperty().set(RowFilter.ALL);
    }

    private void set(String column, List<RowCondition> conditions) {
        explorer.filterProperty().set(explorer.filterProperty().get().with(column, conditions));
    }

    private Column column(String name) {
        return columns.get().stream().filter(column -> column.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name));
    }
}
