package org.embex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedTest {

    @Test
    void theSeedAsTextIsTheSeed() {
        assertThat(Long.parseLong(Seed.DEFAULT_TEXT)).isEqualTo(Seed.DEFAULT);
    }
}
