package org.embex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * WordNet's glosses, about 117,000 distinct short definitions, read at benchmark time from the
 * Debian package {@code wordnet-base} (which {@code bench/run} installs) and never kept in the
 * project: a set of real texts with few near-duplicates, beside {@link ShortTexts}, which is full
 * of them. Each gloss is its definition (the part before the quoted examples), labelled with its
 * lexicographer file ("noun.animal", "verb.motion"), in a fixed shuffled order so that any prefix
 * holds every kind.
 */
final class WordNetGlosses {

    static final Path FOLDER = Path.of("/usr/share/wordnet");
    /** The lexicographer files by number, from WordNet's lexnames(5WN). */
    private static final List<String> LEXNAMES = List.of("adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act",
            "noun.animal", "noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication",
            "noun.event", "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
            "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity",
            "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
            "verb.cognition", "verb.communication", "verb.competition", "verb.consumption", "verb.contact",
            "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social",
            "verb.stative", "verb.weather", "adj.ppl");
    private static final long ORDER_SEED = 7;

    record Gloss(String text, String label) {
    }

    private WordNetGlosses() {
    }

    /** The first {@code count} glosses of the fixed order (all of them when fewer). */
    static List<Gloss> of(int count) throws IOException {
        Map<String, String> byText = new LinkedHashMap<>();
        for (String part : List.of("noun", "verb", "adj", "adv")) {
            Path data = FOLDER.resolve("data." + part);
            if (!Files.isRegularFile(data)) {
                throw new IOException(data + " is missing: install WordNet with 'apt-get install wordnet-base'");
            }
            for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
                // License lines start with two spaces; a synset line is "offset lexfile pos ... | gloss".
                int bar = line.indexOf(" | ");
                if (line.startsWith("  ") || bar < 0) {
                    continue;
                }
                String gloss = line.substring(bar + 3);
                int examples = gloss.indexOf("; \"");
                String definition = (examples < 0 ? gloss : gloss.substring(0, examples)).strip();
                int lexfile = Integer.parseInt(line.substring(9, 11));
                if (!definition.isEmpty()) {
                    byText.putIfAbsent(definition, LEXNAMES.get(lexfile));
                }
            }
        }
        List<Gloss> glosses = new ArrayList<>();
        byText.forEach((text, label) -> glosses.add(new Gloss(text, label)));
        Collections.shuffle(glosses, new Random(ORDER_SEED));
        return glosses.subList(0, Math.min(count, glosses.size()));
    }
}
