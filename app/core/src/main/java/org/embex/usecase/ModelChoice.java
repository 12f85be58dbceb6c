package org.embex.usecase;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.embex.corpus.Corpus;
import org.embex.model.ModelFolder;

/**
 * Which model a corpus should be embedded with, so that the model follows the corpus: the one
 * last used on it while it is still installed, else an installed model that reads the script the
 * corpus is written in (MiniLM for English, bge-small-zh for Chinese), else the first installed.
 * The script is that of most letters in a sample of the texts; a model's language maps to the
 * script it reads. Quantized models come last: their vectors depend on the batch (DESIGN.md).
 */
public final class ModelChoice {

    /** Texts looked at to tell the script: enough for a stable majority, few enough to be instant. */
    private static final int SAMPLE = 300;

    /** The script each catalogue language is written in; "multi" reads every script. */
    private static final Map<String, UnicodeScript> SCRIPTS = Map.ofEntries(
            Map.entry("en", UnicodeScript.LATIN), Map.entry("fr", UnicodeScript.LATIN), Map.entry("de", UnicodeScript.LATIN),
            Map.entry("es", UnicodeScript.LATIN), Map.entry("it", UnicodeScript.LATIN), Map.entry("pt", UnicodeScript.LATIN),
            Map.entry("nl", UnicodeScript.LATIN), Map.entry("zh", UnicodeScript.HAN), Map.entry("ja", UnicodeScript.HAN),
            Map.entry("ko", UnicodeScript.HANGUL), Map.entry("ru", UnicodeScript.CYRILLIC), Map.entry("ar", UnicodeScript.ARABIC));

    private ModelChoice() {
    }

    /** The script most letters of the corpus's first texts are in; empty when they hold no letters. */
    public static Optional<UnicodeScript> script(Corpus corpus) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        for (String text : corpus.texts().subList(0, Math.min(SAMPLE, corpus.rows().size()))) {
            text.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                    .filter(script -> script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED)
                    .forEach(script -> counts.merge(script, 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Whether {@code model} reads text in {@code script}. */
    public static boolean reads(ModelFolder model, UnicodeScript script) {
        String language = model.descriptor().language();
        return language.equals("multi") || SCRIPTS.get(language) == script;
    }

    /**
     * The model for {@code corpus} among {@code installed}: {@code lastUsed} if still installed, else
     * the first model that reads the corpus's script (unquantized first), else the first installed.
     */
    public static Optional<String> forCorpus(List<ModelFolder> installed, Corpus corpus, Optional<String> lastUsed) {
        if (lastUsed.isPresent() && installed.stream().anyMatch(model -> model.id().equals(lastUsed.get()))) {
            return lastUsed;
        }
        Optional<UnicodeScript> script = script(corpus);
        return script.flatMap(s -> reader(installed, s)).or(() -> installed.stream().findFirst()).map(ModelFolder::id);
    }

    /** The installed model that reads {@code script}, unquantized first. */
    public static Optional<ModelFolder> reader(List<ModelFolder> installed, UnicodeScript script) {
        return installed.stream().filter(model -> reads(model, script))
                .min((a, b) -> Boolean.compare(a.descriptor().quantized(), b.descriptor().quantized()));
    }

    /**
     * What to do when the model on screen cannot read a corpus: switch to an installed model that
     * reads it, or install one from the catalogue that does.
     *
     * @param switchTo an installed model that reads the corpus's script
     * @param install  a catalogue model that does, when none is installed
     */
    public record Advice(Optional<String> switchTo, Optional<String> install) {

        /** The advice in words, the same in the window's banner and the commands' warnings. */
        public String words() {
            return switchTo.map(id -> id + " reads it (-m " + id + ")")
                    .or(() -> install.map(id -> "install a model that reads it: ./embex models install " + id))
                    .orElse("");
        }
    }

    /**
     * Advice for a corpus the model did not read (its share of unknown tokens at or above
     * {@link EmbedDiagnostics#UNKNOWN_WARNING}); empty when it read it, or when no catalogue model
     * reads its script.
     *
     * @param catalogue every catalogue model, installed or not
     */
    public static Optional<Advice> advice(List<ModelFolder> catalogue, EmbeddedCorpus corpus) {
        if (corpus.diagnostics().unknownShare() < EmbedDiagnostics.UNKNOWN_WARNING) {
            return Optional.empty();
        }
        Optional<UnicodeScript> script = script(corpus.corpus());
        if (script.isEmpty()) {
            return Optional.empty();
        }
        List<ModelFolder> installed = catalogue.stream().filter(ModelFolder::installed).toList();
        Optional<String> switchTo = reader(installed, script.get()).map(ModelFolder::id)
                .filter(id -> !id.equals(corpus.model()));
        if (switchTo.isPresent()) {
            return Optional.of(new Advice(switchTo, Optional.empty()));
        }
        return reader(catalogue, script.get()).filter(model -> !model.installed())
                .map(model -> new Advice(Optional.empty(), Optional.of(model.id())));
    }

    /**
     * What a user should be told about how the model read a corpus, the same lines in the window's
     * banner and on a command's stderr: the corpus's diagnostics, the unknown-token one followed by
     * the advice.
     */
    public static List<String> warnings(Workspace workspace, EmbeddedCorpus corpus) {
        Optional<Advice> advice = advice(workspace.catalogueModels(), corpus);
        return corpus.diagnostics().warnings().stream()
                .map(line -> advice.isPresent() && line.endsWith(EmbedDiagnostics.TRY_ANOTHER)
                        ? line.replace(EmbedDiagnostics.TRY_ANOTHER, advice.get().words() + ".") : line)
                .toList();
    }
}
