package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A start builds only the command it runs; whatever needs the others gets them all. */
class LazyCommandsTest {

    private static final int ALL = EmbexCommand.commandLine().getSubcommands().size();

    @Test
    void aCommandNamedFirstIsTheOnlyOneBuilt() {
        assertThat(EmbexCommand.commandLineFor(new String[] {"similarity", "-m", "x", "a", "b"}).getSubcommands())
                .containsOnlyKeys("similarity");
        assertThat(EmbexCommand.commandLineFor(new String[] {"models", "install", "e5-small-v2"}).getSubcommands()
                .get("models").getSubcommands()).containsOnlyKeys("install");
    }

    @Test
    void usageHelpOptionsAndMisspeltNamesGetEveryCommand() {
        assertThat(ALL).isGreaterThan(10);
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "models"}, {"simlarity"}}) {
            assertThat(EmbexCommand.commandLineFor(args).getSubcommands()).as(String.join(" ", args)).hasSize(ALL);
        }
    }

    @Test
    void theHelpCommandStillTellsOfAnother() {
        Run run = Run.of("help", "similarity");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: embex similarity");
    }
}
