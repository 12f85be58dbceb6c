package org.embex.desktop.ui;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.RangeSlider;

import org.embex.corpus.RowCondition;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.FilterViewModel;

/**
 * The Filter tab, a view of {@link FilterViewModel}: a check list for each column of few values,
 * a range slider for each column of numbers, a search box for the text and other columns. The
 * map, its names, neighbours, selection, threshold study and near-duplicates follow; the count
 * and the same filter in {@code --where} words stand on top.
 */
public final class FilterPane extends VBox {

    private static final String NONE = "(none)";

    private final FilterViewModel filters;
    private final VBox controls = new VBox(6);
    private final Map<String, CheckListView<String>> lists = new LinkedHashMap<>();
    private final Map<String, TextField> searches = new LinkedHashMap<>();
    /** Set while the controls are rebuilt, so that setting them does not filter. */
    private boolean quiet;
    /** Set while a control changes the filter, so that the change does not rebuild the controls. */
    private boolean fromControl;

    public FilterPane(ExplorerViewModel model) {
        super(8);
        setPadding(new Insets(10));
        filters = model.filters();
        Label summary = new Label();
        summary.setId("filter-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("pane-heading");
        summary.textProperty().bind(model.filterSummaryProperty().map(text -> text.isEmpty() ? "Every text is shown." : text));
        Button clear = new Button("Clear filter");
        clear.setId("clear-filter");
        clear.setOnAction(event -> filters.clear());
        Button select = new Button("Select the texts that pass");
        select.setId("select-filtered");
        select.setOnAction(event -> model.selection().selectShown());
        HBox buttons = new HBox(8, clear, select);
        buttons.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(controls);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(summary, buttons, scroll);
        filters.columnsProperty().addListener((o, was, now) -> build(now));
        // A filter set elsewhere (cleared, a new corpus, a test) is shown by the controls.
        model.filterProperty().addListener((o, was, now) -> {
            if (!fromControl) {
                build(filters.columnsProperty().get());
            }
        });
        build(filters.columnsProperty().get());
    }

    private List<RowCondition> conditions(String column) {
        return filters.filter().conditions().stream().filter(condition -> condition.column().equals(column)).toList();
    }

    /** Changes the filter from a control. */
    private void change(Runnable filtering) {
        if (quiet) {
            return;
        }
        fromControl = true;
        try {
            filtering.run();
        } finally {
            fromControl = false;
        }
    }

    private void build(List<FilterViewModel.Column> columns) {
        quiet = true;
        controls.getChildren().clear();
        lists.clear();
        searches.clear();
        for (FilterViewModel.Column column : columns) {
            Node control = switch (column.kind()) {
                case CATEGORIES -> checkList(column);
                case NUMBERS -> range(column);
                case TEXT -> search(column);
            };
            TitledPane pane = new TitledPane(column.name(), control);
            pane.setId("filter-" + column.name());
            pane.setExpanded(column.kind() != FilterViewModel.Kind.CATEGORIES || column.values().size() <= 20);
            controls.getChildren().add(pane);
        }
        quiet = false;
    }

    private Node checkList(FilterViewModel.Column column) {
        Map<String, String> valueOf = new LinkedHashMap<>();
        column.values().forEach((value, count) -> valueOf.put(String.format("%s  ·  %,d", value.isEmpty() ? NONE : value, count), value));
        CheckListView<String> list = new CheckListView<>();
        lists.put(column.name(), list);
        list.getItems().setAll(valueOf.keySet());
        Set<String> chosen = conditions(column.name()).stream()
                .filter(condition -> condition instanceof RowCondition.OneOf oneOf && !oneOf.negated())
                .flatMap(condition -> ((RowCondition.OneOf) condition).values().stream())
                .collect(Collectors.toSet());
        valueOf.forEach((item, value) -> {
            if (chosen.isEmpty() || chosen.contains(value)) {
                list.getCheckModel().check(item);
            }
        });
        list.setPrefHeight(Math.min(240, 26.0 * valueOf.size() + 6));
        list.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            Set<String> kept = new HashSet<>();
            list.getCheckModel().getCheckedItems().forEach(item -> kept.add(valueOf.get(item)));
            change(() -> filters.keep(column.name(), kept));
        });
        Button all = new Button("All");
        all.setOnAction(event -> list.getCheckModel().checkAll());
        Button none = new Button("None");
        none.setOnAction(event -> list.getCheckModel().clearChecks());
        all.getStyleClass().add("small");
        none.getStyleClass().add("small");
        HBox buttons = new HBox(6, all, none);
        return new VBox(6, buttons, list);
    }

    private Node range(FilterViewModel.Column column) {
        double low = column.low();
        double high = column.high();
        for (RowCondition condition : conditions(column.name())) {
            if (condition instanceof RowCondition.Between between) {
                low = Math.max(low, between.low());
                high = Math.min(high, between.high());
            }
        }
        RangeSlider slider = new RangeSlider(column.low(), column.high(), low, high);
        slider.setShowTickLabels(true);
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(Math.max(1e-9, (column.high() - column.low()) / 4));
        Label from = new Label();
        Label to = new Label();
        Runnable say = () -> {
            from.setText(number(slider.getLowValue()));
            to.setText(number(slider.getHighValue()));
        };
        say.run();
        Runnable apply = () -> {
            say.run();
            if (!slider.isLowValueChanging() && !slider.isHighValueChanging()) {
                change(() -> filters.range(column.name(), slider.getLowValue(), slider.getHighValue()));
            }
        };
        // Filtered when a thumb is let go or set by the keyboard, not at every pixel of a drag.
        slider.lowValueProperty().addListener(o -> apply.run());
        slider.highValueProperty().addListener(o -> apply.run());
        slider.lowValueChangingProperty().addListener(o -> apply.run());
        slider.highValueChangingProperty().addListener(o -> apply.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox ends = new HBox(new Label("from "), from, gap, new Label("to "), to);
        return new VBox(6, slider, ends);
    }

    private Node search(FilterViewModel.Column column) {
        TextField words = new TextField();
        searches.put(column.name(), words);
        words.setPromptText("contains… (any case)");
        conditions(column.name()).stream().filter(RowCondition.Contains.class::isInstance).findFirst()
                .ifPresent(condition -> words.setText(((RowCondition.Contains) condition).part()));
        words.textProperty().addListener((o, was, now) -> change(() -> filters.contains(column.name(), now)));
        return words;
    }

    /** How many values of a column's check list are checked. */
    int checked(String column) {
        return lists.get(column).getCheckModel().getCheckedItems().size();
    }

    /** A column's "contains" box. */
    TextField search(String column) {
        return searches.get(column);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.format("%,d", (long) value) : String.format("%.4g", value);
    }
}
