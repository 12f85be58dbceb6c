package org.embex.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.cli.CacheOptions;
import org.embex.cli.CatalogueOptions;
import org.embex.desktop.ExplorerApp;

/** Opens the explorer window, on a file or on the bundled sample. */
@Command(name = "open", header = "Open the explorer window on FILE (default: the bundled English sample).")
final class OpenCommand implements Runnable {

    @Mixin
    private CatalogueOptions catalogue;

    @Mixin
    private CacheOptions cache;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A csv, tsv, jsonl, txt, parquet or npy file, a folder of texts, or a folder of Parquet parts.")
    private Path file;

    /** How packaging/build rehearses a start to list the classes of the package's class-data archive. */
    @Option(names = "--close-when-shown", hidden = true,
            description = "Close the window a second after the first map is on screen.")
    private boolean closeWhenShown;

    @Override
    public void run() {
        JavaFxWarning.quiet();
        Path corpus = file != null ? file : ExplorerApp.sample();
        if (!Files.exists(corpus)) {
            throw new BadInputException(corpus + ": no such file");
        }
        // JavaFX's headless platform (Monocle), when asked for, needs no screen.
        boolean headless = "Monocle".equals(System.getProperty("glass.platform"));
        if (!headless && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new EmbexException("no display to open a window on (DISPLAY is not set). " + WindowFailure.WITHOUT_A_SCREEN);
        }
        try {
            ExplorerApp.launch(new ExplorerApp.Start(corpus, catalogue.directory(), cache.file(), closeWhenShown));
        } catch (RuntimeException | LinkageError e) {
            var explained = WindowFailure.explain(e, System.getenv("DISPLAY"));
            if (explained.isPresent()) {
                throw explained.get();
            }
            throw e;
        }
    }
}
