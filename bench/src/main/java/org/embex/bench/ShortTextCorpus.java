package org.embex.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the benchmarks' {@link ShortTexts} as a corpus file (id, text), to open a corpus of a
 * hundred thousand real texts in the window or with {@code plot}: with
 * {@code --cache bench/target/projection/vectors.sqlite} their vectors come from the cache the
 * duplicates and projection benchmarks filled. Usage:
 * {@code bench/run corpus [--texts 100000] [--language en] -o short-texts.csv}; {@code --set wordnet} writes
 * WordNet's glosses instead (id, text, label: the lexicographer file), whose vectors the
 * {@code umap-causes} benchmark keeps in {@code bench/target/wordnet/vectors.sqlite}.
 */
public final class ShortTextCorpus {

    private ShortTextCorpus() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        String language = "en";
        boolean wordnet = false;
        Path target = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--texts" -> count = Integer.parseInt(args[i + 1]);
                case "--language" -> language = args[i + 1];
                case "-o" -> target = Path.of(args[i + 1]);
                case "--set" -> wordnet = args[i + 1].equals("wordnet");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("say where to write the corpus: -o FILE.csv");
        }
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        int written;
        if (wordnet) {
            List<WordNetGlosses.Gloss> glosses = WordNetGlosses.of(count);
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "text", "label").build())) {
                for (int i = 0; i < glosses.size(); i++) {
                    csv.printRecord("g" + (i + 1), glosses.get(i).text(), glosses.get(i).label());
                }
            }
            written = glosses.size();
        } else {
            List<String> texts = ShortTexts.of(SentenceSource.find(root, language).sentences(), count);
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "text").build())) {
                for (int i = 0; i < texts.size(); i++) {
                    csv.printRecord("t" + (i + 1), texts.get(i));
                }
            }
            written = texts.size();
        }
        System.out.printf("wrote %,d texts to %s%n", written, target);
    }
}
