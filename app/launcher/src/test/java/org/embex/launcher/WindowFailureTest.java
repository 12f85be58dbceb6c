package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowFailureTest {

    @Test
    void anUnreachableDisplayIsNamed() {
        var failure = new UnsupportedOperationException("Unable to open DISPLAY");
        assertThat(WindowFailure.explain(new RuntimeException(failure), ":5")).hasValueSatisfying(e -> assertThat(e.getMessage())
                .contains("no display answers at DISPLAY=:5").contains("./embex plot"));
    }

    @Test
    void aMissingGtkSaysWhatToInstall() {
        assertThat(WindowFailure.explain(new RuntimeException("Unable to load glass GTK library."), ":0"))
                .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("apt-get install libgtk-3-0"));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        assertThat(WindowFailure.explain(new IllegalStateException("something else"), ":0")).isEmpty();
    }
}
