package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.embex.BadInputException;

class OutOfScopeTest {

    @Test
    void theSpellingsAsTextAreTheSpellings() {
        assertThat(OutOfScope.SPELLINGS_TEXT).isEqualTo(String.join(", ", OutOfScope.SPELLINGS));
    }

    @Test
    void usualSpellingsAreRecognisedInAnyCase() {
        assertThat(OutOfScope.find(List.of("billing", "OOS"), Optional.empty())).hasValue("OOS");
        assertThat(OutOfScope.find(List.of("billing", "Out-of-Scope"), Optional.empty())).hasValue("Out-of-Scope");
        assertThat(OutOfScope.find(List.of("billing", "out of scope"), Optional.empty())).hasValue("out of scope");
        assertThat(OutOfScope.find(List.of("billing", "roaming"), Optional.empty())).isEmpty();
    }

    @Test
    void aGivenLabelMustBeThere() {
        assertThat(OutOfScope.find(List.of("billing", "reject"), Optional.of("reject"))).hasValue("reject");
        assertThatThrownBy(() -> OutOfScope.require(Path.of("q.csv"), List.of("billing", "roaming"), Optional.empty(),
                "Name it."))
                .isInstanceOf(BadInputException.class)
                .hasMessage("q.csv: no out-of-scope label (" + OutOfScope.SPELLINGS_TEXT + "); its labels are billing, "
                        + "roaming. Name it.");
    }
}
