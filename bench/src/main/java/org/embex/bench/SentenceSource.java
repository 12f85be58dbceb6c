package org.embex.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.embex.BadInputException;

/**
 * Real sentences in the model's language, distinct and in file order: STS-B's training split
 * when the shared data sets sit beside the project, else the customer-service sample that ships
 * with it, so the harness runs on a fresh clone too.
 *
 * @param location  the file the sentences came from
 * @param sentences distinct, non-blank, in the order first seen
 */
record SentenceSource(Path location, List<String> sentences) {

    static SentenceSource find(Path root, String modelLanguage) {
        // Only the two languages the data comes in; any other model reads the English set.
        String language = "zh".equals(modelLanguage) ? "zh" : "en";
        Path stsb = root.resolve("../shared/datasets/stsb-" + language + "/stsb-" + language + "-train.csv")
                .normalize();
        if (Files.isRegularFile(stsb)) {
            // No header: sentence1, sentence2, score.
            return new SentenceSource(stsb, read(stsb, CSVFormat.DEFAULT, row -> List.of(row.get(0), row.get(1))));
        }
        Path sample = root.resolve("samples/telecom-support-" + language + ".csv").normalize();
        CSVFormat withHeader = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        return new SentenceSource(sample, read(sample, withHeader, row -> List.of(row.get("text"))));
    }

    private static List<String> read(Path file, CSVFormat format, Function<CSVRecord, List<String>> texts) {
        Set<String> distinct = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                for (String text : texts.apply(record)) {
                    if (!text.isBlank()) {
                        distinct.add(text.strip());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read sentences from " + file + ": " + e.getMessage(), e);
        }
        if (distinct.isEmpty()) {
            throw new BadInputException("no sentences in " + file);
        }
        return List.copyOf(distinct);
    }
}
