package org.embex.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.embex.BadInputException;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    private static final Corpus TICKETS = new Corpus(Path.of("tickets.csv"), List.of("id", "text", "label", "channel", "minutes"),
            List.of(row("1", "My bill is wrong", "billing", "email", "12"),
                    row("2", "No signal at home", "signal", "phone", "3.5"),
                    row("3", "Bill paid twice", "billing", "phone", ""),
                    row("4", "Roaming in Spain", "roaming", "chat", "40"),
                    row("5", "Cancel my contract", "", "email", "n/a")),
            List.of());

    private static TextRow row(String id, String text, String label, String channel, String minutes) {
        return new TextRow(id, text, label, Map.of("channel", channel, "minutes", minutes), Long.parseLong(id) + 1);
    }

    private static List<String> ids(RowFilter filter) {
        return filter.apply(TICKETS).rows().stream().map(TextRow::id).toList();
    }

    @Test
    void eachFormSelectsItsRowsAndSeveralMustAllHold() {
        assertThat(ids(RowFilter.parse(List.of("label=billing,roaming")))).containsExactly("1", "3", "4");
        assertThat(ids(RowFilter.parse(List.of("label!=billing")))).containsExactly("2", "4", "5");
        assertThat(ids(RowFilter.parse(List.of("text~BILL")))).containsExactly("1", "3");
        assertThat(ids(RowFilter.parse(List.of("minutes>=12")))).containsExactly("1", "4");
        assertThat(ids(RowFilter.parse(List.of("minutes>12")))).containsExactly("4");
        assertThat(ids(RowFilter.parse(List.of("minutes<12")))).as("empty and n/a are no numbers").containsExactly("2");
        assertThat(ids(RowFilter.parse(List.of("channel=phone", "text~bill")))).containsExactly("3");
        assertThat(RowFilter.ALL.apply(TICKETS)).isSameAs(TICKETS);
    }

    @Test
    void theFilterSaysItselfInTheWordsItIsReadFrom() {
        RowFilter filter = RowFilter.parse(List.of("label=roaming,billing", "text~spain", "minutes>=3", "minutes<=40"));
        assertThat(filter.describe()).isEqualTo("--where 'label=billing,roaming' --where 'text~spain' --where 'minutes>=3' "
                + "--where 'minutes<=40'");
        List<String> again = filter.conditions().stream().flatMap(condition -> condition.arguments().stream()).toList();
        assertThat(RowFilter.parse(again)).isEqualTo(filter);
        // A range closed at both ends, as the window's slider sets it, says both ends.
        assertThat(new RowCondition.Between("minutes", 3, 40).arguments()).containsExactly("minutes>=3", "minutes<=40");
    }

    @Test
    void aBadConditionSaysWhatAndWhere() {
        assertThatThrownBy(() -> RowFilter.parse(List.of("billing"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--where 'billing': no condition").hasMessageContaining("COLUMN=A,B");
        assertThatThrownBy(() -> RowFilter.parse(List.of("minutes>=ten"))).hasMessageContaining("'ten' is not a number");
        assertThatThrownBy(() -> RowFilter.parse(List.of("chanel=email")).apply(TICKETS))
                .hasMessageContaining("tickets.csv").hasMessageContaining("no column 'chanel'").hasMessageContaining("channel");
        assertThatThrownBy(() -> RowFilter.parse(List.of("channel>=1")).apply(TICKETS))
                .hasMessageContaining("column 'channel' holds no numbers");
        assertThatThrownBy(() -> RowFilter.parse(List.of("label=refund")).apply(TICKETS))
                .hasMessageContaining("no row passes --where 'label=refund'");
    }
}
